import { describe, expect, it } from 'vitest';
import { baseHashes, conflictHash, differsFromBase, threeWay, type Side } from '../../lib/sync/merge';

const side = (data: Record<string, unknown>, author: string, at: number): Side => ({ data: { id: 'x', updatedAt: at, ...data }, author, conflicts: [] });
const baseOf = (data: Record<string, unknown>) => ({ h: baseHashes({ id: 'x', ...data }), c: [] as string[] });

describe('three-way field merge', () => {
  const base = { name: 'Li', title: 'Buyer', tags: ['a', 'b'], customFields: { k1: 'v1' }, deletedAt: null };
  it.each([
    ['different fields both survive', { title: 'CTO' }, { name: 'Li Wei' }, { name: 'Li Wei', title: 'CTO' }, []],
    ['one side only', { title: 'CTO' }, {}, { title: 'CTO' }, []],
    ['same change on both sides is no conflict', { title: 'CTO' }, { title: 'CTO' }, { title: 'CTO' }, []],
    ['same field: later wins, the other kept', { title: 'CTO' }, { title: 'CEO' }, { title: 'CEO' }, [{ field: 'title', value: 'CTO', author: 'ann' }]],
    ['tag added here, another removed there', { tags: ['a', 'b', 'c'] }, { tags: ['a'] }, { tags: ['a', 'c'] }, []],
    ['custom fields merge by key', { customFields: { k1: 'v1', k2: 'x' } }, { customFields: { k1: 'v9' } }, { customFields: { k1: 'v9', k2: 'x' } }, []],
    ['delete vs edit: deleted, edit kept, flagged', { deletedAt: 5 }, { title: 'CEO' }, { deletedAt: 5, title: 'CEO' }, [{ field: 'deletedAt', value: null, author: 'bob' }]],
  ])('%s', (_n, l, r, expected, conflicts) => {
    const m = threeWay(baseOf(base), side({ ...base, ...l }, 'ann', 10), side({ ...base, ...r }, 'bob', 20));
    expect(m.data).toMatchObject(expected);
    expect(m.conflicts).toEqual(conflicts.map((c) => expect.objectContaining(c)));
  });

  it('is symmetric: the same record and conflicts whichever device merges', () => {
    const l = side({ ...base, title: 'CTO', tags: ['a', 'z'] }, 'ann', 10);
    const r = side({ ...base, title: 'CEO', name: 'Li Wei' }, 'bob', 10);
    const one = threeWay(baseOf(base), l, r);
    const two = threeWay(baseOf(base), r, l);
    expect(one.data).toEqual(two.data);
    expect(one.conflicts).toEqual(two.conflicts);
  });

  it('without a base (both created it): lists unite, different values conflict', () => {
    const m = threeWay(undefined, side({ name: 'A', tags: ['x'] }, 'ann', 1), side({ name: 'B', tags: ['y'] }, 'bob', 2));
    expect(m.data.name).toBe('B');
    expect([...(m.data.tags as string[])].sort()).toEqual(['x', 'y']);
    expect(m.conflicts.map((c) => c.field)).toEqual(['name']);
  });

  it('a conflict resolved on one side stays resolved', () => {
    const c = { field: 'title', value: 'CTO', author: 'ann', at: 1 };
    const b = { ...baseOf(base), c: [conflictHash(c)] };
    const m = threeWay(b, { ...side(base, 'ann', 5), conflicts: [] }, { ...side(base, 'bob', 5), conflicts: [c] });
    expect(m.conflicts).toEqual([]);
  });

  it('tells a real edit from a derived-only rewrite (timestamps aside)', () => {
    const h = baseHashes({ id: 'x', name: 'Li', updatedAt: 1 });
    expect(differsFromBase(h, { id: 'x', name: 'Li', updatedAt: 99 }, [], [])).toBe(false);
    expect(differsFromBase(h, { id: 'x', name: 'Lee', updatedAt: 99 }, [], [])).toBe(true);
  });
});
