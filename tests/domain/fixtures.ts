import { defaultSettings, type Customer, type Interaction, type Settings } from '../../lib/domain';

export const DAY = 86_400_000;
/** A fixed local "now" for the rule tables: Sunday 22 November 2026, 09:00. */
export const NOW = new Date(2026, 10, 22, 9);
export const T = NOW.getTime();
/** Local midnight of a calendar date (month 1–12). */
export const d = (y: number, m: number, day: number, h = 0) => new Date(y, m - 1, day, h).getTime();

let n = 0;
/** An interaction `daysAgo` days before NOW. */
export function ix(daysAgo: number, patch: Partial<Interaction> = {}): Interaction {
  const at = T - daysAgo * DAY;
  n += 1;
  return {
    id: `i${n}`, createdAt: at, updatedAt: at, rev: 1, deletedAt: null, customerId: 'c1', type: 'call', direction: 'out',
    occurredAt: at, place: '', subject: '', content: '', result: '', ...patch,
  };
}

/** A customer created a year before NOW, with nothing else known. */
export function cust(patch: Partial<Customer> = {}): Customer {
  const at = T - 400 * DAY;
  return {
    id: 'c1', createdAt: at, updatedAt: at, rev: 1, deletedAt: null, kind: 'person', name: '张伟', company: '云帆科技',
    title: '', department: '', emails: [], phones: [], addresses: [], websites: [], social: [], interests: [], industry: '',
    source: 'manual', owner: '', stage: 'first-contact', tags: [], notes: '', customFields: {}, emailKeys: [], phoneKeys: [],
    valueTier: 'unknown', activityTier: 'inactive', status: 'potential', lifecycle: 'acquisition', value: 0, reviewedAt: T,
    ...patch,
  };
}

/** defaultSettings with some follow-up rules switched off / retuned. */
export function settingsWith(mut: (s: Settings) => void): Settings {
  const s = structuredClone(defaultSettings);
  mut(s);
  return s;
}

/** Every follow-up rule off except the named ones: keeps a table's expectations small. */
export function only(...names: (keyof Settings['followUps'])[]): Settings {
  return settingsWith((s) => {
    for (const [k, r] of Object.entries(s.followUps)) r.enabled = names.includes(k as keyof Settings['followUps']);
  });
}
