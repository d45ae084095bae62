import type { CustomerFields } from './customer';

type ListKey = 'emails' | 'phones' | 'addresses' | 'websites' | 'social' | 'interests' | 'tags';
const LIST_KEYS: ListKey[] = ['emails', 'phones', 'addresses', 'websites', 'social', 'interests', 'tags'];

/** Identity of a list item, so the same email / phone / tag is not listed twice. */
function itemKey(key: ListKey, item: unknown): string {
  if (key === 'emails') return (item as { value: string }).value.toLowerCase();
  if (key === 'phones') {
    const p = item as { e164?: string; raw: string };
    return p.e164 ?? p.raw.replace(/\D/g, '');
  }
  if (key === 'social') return JSON.stringify([(item as { network: string }).network, (item as { handle: string }).handle.toLowerCase()]);
  return typeof item === 'string' ? item.toLowerCase() : JSON.stringify(item);
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * Merge two customers' fields: the kept card's non-empty values win, empty ones are filled
 * from the other, lists are united without duplicates, notes are appended. Pure.
 */
export function mergeCustomerFields(keep: CustomerFields, other: CustomerFields): CustomerFields {
  const out: Record<string, unknown> = { ...keep };
  for (const [k, v] of Object.entries(other)) {
    if (LIST_KEYS.includes(k as ListKey)) continue;
    if (isEmpty(out[k]) && !isEmpty(v)) out[k] = v;
  }
  for (const key of LIST_KEYS) {
    const seen = new Set<string>();
    out[key] = [...(keep[key] as unknown[]), ...(other[key] as unknown[])].filter((item) => {
      const id = itemKey(key, item);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }
  if (keep.notes && other.notes && keep.notes !== other.notes) out.notes = `${keep.notes}\n\n${other.notes}`;
  out.customFields = { ...other.customFields, ...keep.customFields };
  return out as CustomerFields;
}
