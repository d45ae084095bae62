import { lookupKeys } from '../domain/derive';
import { lookupHash, open, seal, type Sealed, type VaultKeys } from './crypto';

/**
 * Which fields of which table are sealed while the lock is on, and how a record is sealed and
 * opened. Names, companies, titles, tags, tiers and dates stay in clear: lists, indexes and the
 * locked popup need them. Every personal detail is sealed: contact fields, notes, birthday,
 * websites, needs, custom fields, interaction content, and follow-up notes (they copy next-step
 * text, contract subjects and complaint text), and the pixels of a kept card image (a photo of a
 * business card is every contact field at once; its side, size and customer stay in clear). A sealed
 * record keeps empty values in the sealed fields (so it still fits its schema) and the ciphertext in `__enc`.
 * New tables go at the end: a pass marker saved by an older build names a table that is still here.
 */
export const SEALED_TABLES = ['customers', 'interactions', 'followUps', 'cardImages'] as const;
/**
 * Bumped when the sealed field set grows: a vault sealed with an older set is re-sealed by a pass
 * on the next unlock (lib/security/vault), so fields that were clear before do not stay clear.
 * 1: contact fields and notes; 2: + birthday, websites, needs, custom fields, follow-up notes;
 * 3: + card image pixels.
 */
export const SEAL_VERSION = 3;
export type SealedTable = (typeof SEALED_TABLES)[number];

type Rec = Record<string, unknown> & { id: string; __enc?: Sealed };

/** The fields the lock seals, each with its empty value (team sync seals the same ones end to end). */
export const SEALED_FIELDS: Record<SealedTable, Record<string, unknown>> = {
  customers: { emails: [], phones: [], addresses: [], social: [], notes: '', websites: [], customFields: {}, birthday: undefined, needs: undefined },
  interactions: { content: '', subject: '', result: '', place: '' },
  followUps: { note: '' },
  cardImages: { data: '' },
};

/** Does this record hold nothing that would need sealing (every sealed field empty)? */
function nothingToSeal(table: SealedTable, value: Rec): boolean {
  for (const [f, empty] of Object.entries(SEALED_FIELDS[table])) if (f in value && JSON.stringify(value[f]) !== JSON.stringify(empty)) return false;
  const next = value.nextStep as { text?: string } | undefined;
  return !(table === 'interactions' && next?.text);
}

/**
 * While locked, a follow-up with an empty note (a reminder planned or marked done from the locked
 * popup) holds nothing to seal: it may be written in clear. Other tables need the key for new
 * records (their lookup keys are HMACs).
 */
export function lockedPlainWrite(table: SealedTable, value: Rec): boolean {
  return table === 'followUps' && !value.__enc && nothingToSeal(table, value);
}

/**
 * While locked, a write may carry an already sealed record back (a tier recomputed by the daily pass,
 * a title edited): allowed only when no sealed field holds a value (nothing new to seal) and its
 * ciphertext is the stored one. The stored lookup HMACs are kept: the writer could not compute them.
 * Returns the record to store, or undefined when the write needs the key.
 */
export function lockedRewrite(table: SealedTable, value: Rec, stored: Rec | undefined): Rec | undefined {
  const sealed = value.__enc;
  if (!sealed || !stored?.__enc || stored.__enc.ct !== sealed.ct || stored.__enc.iv !== sealed.iv) return undefined;
  if (!nothingToSeal(table, value)) return undefined;
  return table === 'customers' ? { ...value, emailKeys: stored.emailKeys, phoneKeys: stored.phoneKeys } : value;
}

export function isSealedTable(name: string): name is SealedTable {
  return (SEALED_TABLES as readonly string[]).includes(name);
}

/** Does this stored record carry ciphertext? */
export const isSealed = (value: unknown): boolean => typeof value === 'object' && value !== null && '__enc' in value;

const context = (table: string, id: string) => `${table}/${id}`;

/** Seal a plain record: sensitive fields into `__enc`, lookup keys into HMACs. */
export async function sealRecord(keys: VaultKeys, table: SealedTable, value: Rec): Promise<Rec> {
  if (value.__enc) return value;
  const secret: Record<string, unknown> = {};
  for (const f of Object.keys(SEALED_FIELDS[table])) if (f in value) secret[f] = value[f];
  const out: Rec = { ...value, ...SEALED_FIELDS[table] };
  if (table === 'interactions') {
    const next = value.nextStep as { text?: string; dueAt?: number } | undefined;
    if (next) {
      secret.nextStepText = next.text ?? '';
      out.nextStep = { ...next, text: '' };
    }
  }
  if (table === 'customers') {
    out.emailKeys = await Promise.all(((value.emailKeys as string[] | undefined) ?? []).map((k) => lookupHash(keys, k)));
    out.phoneKeys = await Promise.all(((value.phoneKeys as string[] | undefined) ?? []).map((k) => lookupHash(keys, k)));
  }
  out.__enc = await seal(keys, secret, context(table, value.id));
  return out;
}

/** Open a sealed record back to its plain form (lookup keys in clear again). Plain records pass through. */
export async function openRecord(keys: VaultKeys, table: SealedTable, value: Rec): Promise<Rec> {
  if (!value.__enc) return value;
  const secret = await open<Record<string, unknown>>(keys, value.__enc, context(table, value.id));
  const { __enc: _sealed, ...rest } = value;
  const out: Rec = { ...rest };
  for (const [k, v] of Object.entries(secret)) if (k !== 'nextStepText') out[k] = v;
  if (table === 'interactions' && out.nextStep && typeof secret.nextStepText === 'string') {
    out.nextStep = { ...(out.nextStep as object), text: secret.nextStepText };
  }
  if (table === 'customers') {
    Object.assign(out, lookupKeys({ emails: (out.emails as { value: string }[]) ?? [], phones: (out.phones as { e164?: string }[]) ?? [] } as never));
  }
  return out;
}
