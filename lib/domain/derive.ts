import { emailKey } from './identity';
import { classifyCustomer, type Classification } from './classify';
import type { CustomerFields, Derived } from './customer';
import type { Interaction } from './interaction';
import type { Settings } from './settings';

/** Lookup keys stored on the customer for the multi-entry indexes (email, E.164 phone). */
export function lookupKeys(c: Pick<CustomerFields, 'emails' | 'phones'>): Pick<Derived, 'emailKeys' | 'phoneKeys'> {
  const emailKeys = [...new Set(c.emails.map((e) => emailKey(e.value)).filter(Boolean))];
  const phoneKeys = [...new Set(c.phones.map((p) => p.e164).filter((p): p is string => !!p))];
  return { emailKeys, phoneKeys };
}

/**
 * Every derived field of a customer. Classification (SPEC §3) plugs in here so the
 * database stores the tiers for indexing; pure, `now` passed in.
 */
export function deriveCustomer(
  c: CustomerFields & { createdAt?: number },
  interactions: readonly Interaction[],
  settings: Settings,
  now: number,
): Derived {
  return derivedFrom(c, classifyCustomer(c, interactions, settings, new Date(now)));
}

/** The stored derived fields from a classification already computed (the daily pass classifies once). */
export function derivedFrom(c: Pick<CustomerFields, 'emails' | 'phones'>, k: Classification): Derived {
  return {
    ...lookupKeys(c),
    valueTier: k.valueTier,
    // Stored as one indexed field: 'inactive' (no interaction in the window) is filterable like the tiers.
    activityTier: k.inactive ? 'inactive' : k.activityTier,
    status: k.status,
    lifecycle: k.lifecycle,
    value: k.value,
    lastInteractionAt: k.lastInteractionAt,
    churnSignals: k.churn,
  };
}
