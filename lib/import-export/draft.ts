import { z } from 'zod';
import { t, type MessageKey } from '../i18n';
import { emptyContact } from '../domain/empty-contact';
import {
  customerInputSchema, type ContactDraft, type CustomerFields, type CustomerInput,
} from '../domain';

/**
 * A contact read from a file. It is a ContactDraft (what capture produces too) plus the
 * customer fields a draft has no slot for (industry, owner, stage, custom fields …), so an
 * export re-imports without loss.
 */
export interface ImportDraft extends ContactDraft {
  extra?: Partial<CustomerInput>;
}

/** One problem with one row / card, numbered as the user sees it (spreadsheet row, or card number). */
export interface RowIssue {
  row: number;
  message: string;
  /** The column's header (or "#n") when the problem is one cell's. */
  column?: string;
}

/** An empty draft with every field defaulted. */
export function blankDraft(): ImportDraft {
  return emptyContact();
}

/** The same check customerInputSchema applies to an email, compiled once. */
const emailCheck = z.email();
const EMAIL_RE = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]{2,}$/;

/** The address inside `"Name" <a@b.c>` or `mailto:a@b.c`, trimmed. */
export function cleanEmail(raw: string): string {
  const angle = /<([^>]+)>/.exec(raw);
  return (angle ? angle[1]! : raw).replace(/^mailto:/i, '').trim();
}

function addressFormatted(a: NonNullable<ContactDraft['addresses'][number]>): string {
  if (a.formatted) return a.formatted;
  return [a.street, a.city, a.region, a.postalCode, a.country].filter((p) => p && p.trim()).join(', ');
}

/**
 * Turn a draft into validated customer fields (source 'import'). Returns the issues instead of
 * throwing so an importer can list every bad row. An email that is not a valid address is not an
 * error: it is kept in a custom field (nothing the file carried is dropped) and reported as a warning.
 */
export function draftToInput(
  draft: ImportDraft,
): { ok: true; input: CustomerFields; warnings: string[] } | { ok: false; messages: string[] } {
  const warnings: string[] = [];
  const customFields: Record<string, string> = { ...(draft.extra?.customFields ?? {}) };
  const emails: { value: string; label: string }[] = [];
  for (const e of draft.emails) {
    const value = cleanEmail(e.value);
    if (!value) continue;
    if (EMAIL_RE.test(value) && emailCheck.safeParse(value.toLowerCase()).success) emails.push({ value, label: e.label });
    else {
      const key = customFields['email (unverified)'] ? `email (unverified) ${emails.length + 2}` : 'email (unverified)';
      customFields[key] = value.slice(0, 2000);
      warnings.push(t('impx.badEmail', { value, key }));
    }
  }
  const phones = draft.phones.filter((p) => p.raw.trim()).map((p) => ({ raw: p.raw.trim(), label: p.label, e164: p.e164 }));
  const addresses = draft.addresses
    .map((a) => ({ ...a, formatted: addressFormatted(a) }))
    .filter((a) => a.formatted);
  const name = draft.name.trim() || (draft.company.trim() || customFields.nickname?.trim() || emails[0]?.value || phones[0]?.raw || draft.social[0]?.handle || '').slice(0, 200);
  const candidate: CustomerInput = {
    ...draft.extra,
    kind: draft.extra?.kind ?? (!draft.name.trim() && draft.company.trim() ? 'organization' : draft.kind),
    name,
    company: draft.company,
    title: draft.title,
    department: draft.department,
    emails,
    phones,
    addresses,
    websites: draft.websites.map((w) => w.trim()).filter(Boolean),
    social: draft.social,
    birthday: draft.birthday,
    notes: draft.notes,
    tags: [...new Set(draft.tags.map((t) => t.trim()).filter(Boolean))],
    customFields,
    source: 'import',
  };
  if (!name) return { ok: false, messages: [t('impx.nothing')] };
  const parsed = customerInputSchema.safeParse(candidate);
  if (!parsed.success) {
    return { ok: false, messages: parsed.error.issues.map((i) => t('impx.invalidField', { field: fieldName(i.path), value: String(valueAt(candidate, i.path) ?? '').slice(0, 80) })) };
  }
  return { ok: true, input: parsed.data, warnings };
}

const FIELD_KEYS: Record<string, MessageKey> = {
  name: 'field.name', company: 'field.company', title: 'field.title', department: 'field.department', emails: 'field.emails', phones: 'field.phones',
  addresses: 'field.addresses', websites: 'field.websites', social: 'field.social', birthday: 'field.birthday', notes: 'field.notes', tags: 'field.tags',
  industry: 'field.industry', owner: 'field.owner', stage: 'field.stage', interests: 'field.interests', annualValue: 'field.annualValue', kind: 'field.kind',
};

/** A schema path (["phones", 0, "raw"]) as the field's name in the user's language, never the id. */
function fieldName(path: PropertyKey[]): string {
  const key = FIELD_KEYS[String(path[0])];
  const base = key ? t(key) : t('imp.custom');
  return typeof path[1] === 'number' ? `${base} ${path[1] + 1}` : base;
}

function valueAt(o: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = o;
  for (const p of path) cur = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[p] : undefined;
  return typeof cur === 'object' ? undefined : cur;
}

/** Every row that would fail draftToInput, numbered as the user sees it (for the import preview). */
export function validateDrafts(drafts: ImportDraft[], rowNumbers: number[]): RowIssue[] {
  return drafts.flatMap((d, i) => {
    const r = draftToInput(d);
    return r.ok ? [] : r.messages.map((message) => ({ row: rowNumbers[i] ?? i + 1, message }));
  });
}
