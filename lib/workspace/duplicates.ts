import type { Customer } from '../domain';
import type { RepoContext } from '../db/context';
import { deletedIds } from './query';
import { companyKey, nameKey, sameCompany } from '../domain/identity';

export interface DuplicateGroup {
  reason: 'email' | 'phone' | 'name';
  key: string;
  ids: string[];
}

async function groupsOf(ctx: RepoContext, index: 'emailKeys' | 'phoneKeys' | 'name', normalise: (k: string) => string) {
  const [keys, ids] = await Promise.all([ctx.db.customers.orderBy(index).keys(), ctx.db.customers.orderBy(index).primaryKeys()]);
  const byKey = new Map<string, Set<string>>();
  keys.forEach((k, i) => {
    const key = normalise(String(k));
    if (!key) return;
    const set = byKey.get(key) ?? new Set<string>();
    set.add(String(ids[i]));
    byKey.set(key, set);
  });
  return byKey;
}

// The same identity rules as the review form's matching (lib/domain/identity).
const normaliseName = nameKey;

/**
 * Likely duplicates among live cards: same email, same E.164 phone (from the multi-entry index
 * keys, no record read), or the same normalised name with a similar company (only cards sharing
 * a name are read). One group per key; a pair found by email is not listed again by phone.
 */
export async function findDuplicates(ctx: RepoContext, limit = 500): Promise<DuplicateGroup[]> {
  const { db } = ctx;
  return db.transaction('r', db.customers, async () => {
    const deleted = await deletedIds(ctx);
    const out: DuplicateGroup[] = [];
    const pairs = new Set<string>();
    const add = (reason: DuplicateGroup['reason'], key: string, ids: string[]) => {
      const live = ids.filter((id) => !deleted.has(id)).sort();
      if (live.length < 2) return;
      const pair = live.join('|');
      if (pairs.has(pair)) return;
      pairs.add(pair);
      out.push({ reason, key, ids: live });
    };
    for (const [key, ids] of await groupsOf(ctx, 'emailKeys', (k) => k)) add('email', key, [...ids]);
    for (const [key, ids] of await groupsOf(ctx, 'phoneKeys', (k) => k)) add('phone', key, [...ids]);
    const byName = [...(await groupsOf(ctx, 'name', normaliseName))].filter(([, ids]) => ids.size > 1);
    const cards = new Map((await db.customers.bulkGet(byName.flatMap(([, ids]) => [...ids]))).filter((c): c is Customer => !!c).map((c) => [c.id, c]));
    for (const [key, ids] of byName) {
      // Cards of one name clustered by company: the first company of a cluster names it, and a
      // card joins the cluster whose company is the same by sameCompany ("云帆科技" ~ "上海云帆科技有限公司").
      const byCompany = new Map<string, string[]>();
      const names = new Map<string, string>();
      for (const id of ids) {
        const c = cards.get(id);
        if (!c) continue;
        const key = companyKey(c.company);
        const cluster = key ? [...names].find(([, raw]) => sameCompany(raw, c.company))?.[0] ?? key : '';
        if (key && !names.has(cluster)) names.set(cluster, c.company);
        // An empty company matches any: "张伟" and "张伟 @ 云帆" are likely the same person.
        byCompany.set(cluster, [...(byCompany.get(cluster) ?? []), id]);
      }
      const empty = byCompany.get('') ?? [];
      for (const [company, group] of byCompany) if (company) add('name', `${key} · ${company}`, [...group, ...empty]);
      if (byCompany.size === 1 && empty.length) add('name', key, empty);
    }
    return out.slice(0, limit);
  });
}
