import type { CustomerFields, Derived } from './customer';
import type { Interaction } from './interaction';
import type { Settings } from './settings';

/** Lookup keys stored on the customer for the multi-entry indexes (email, E.164 phone). */
export function lookupKeys(c: Pick<CustomerFields, 'emails' | 'phones'>): Pick<Derived, 'emailKeys' | 'phoneKeys'> {
  const emailKeys = [...new Set(c.emails.map((e) => e.value.trim().toLowerCase()).filter(Boolean))];
  const phoneKeys = [...new Set(c.phones.map((p) => p.e164).filter((p): p is string => !!p))];
  return { emailKeys, phoneKeys };
}

/**
 * Every derived field of a customer. Classification (SPEC §3) plugs in here so the
 * database stores the tiers for indexing; pure, `now` passed in.
 */
export function deriveCustomer(
  c: CustomerFields,
  interactions: readonly Interaction[],
  _settings: Settings,
  now: number,
): Derived {
  const alive = interactions.filter((i) => i.deletedAt === null && i.occurredAt <= now);
  const last = alive.reduce<number | undefined>((m, i) => (m === undefined || i.occurredAt > m ? i.occurredAt : m), undefined);
  return {
    ...lookupKeys(c),
    valueTier: 'unknown',
    activityTier: alive.length ? 'low' : 'inactive',
    status: 'potential',
    lifecycle: 'acquisition',
    value: c.annualValue ?? 0,
    lastInteractionAt: last,
  };
}
