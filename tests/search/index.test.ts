import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchIndex, type SearchIndex } from '../../lib/search/index';
import { card, people } from './fixtures';

const ids = (index: SearchIndex, q: string, limit?: number) => index.search(q, limit).map((h) => h.id);
const index = buildSearchIndex(people);

describe('search: what finds whom', () => {
  it.each([
    // pinyin, full and initials, spaced, mixed Chinese/Latin
    ['zhangwei', 'zhangwei'],
    ['zhang wei', 'zhangwei'],
    ['zw', 'zhangwei'],
    ['张w', 'zhangwei'],
    ['张伟', 'zhangwei'],
    ['zwm', 'zhangweiming'],
    ['weiming', 'zhangweiming'],
    ['shanwei', 'shanwei'], // 单 read as a surname
    ['lvmin', 'lvmin'],
    ['wangf', 'wangfang'],
    ['Alice', 'alice'],
    ['alice wang', 'alice'],
    // company, title, tags, notes
    ['华为', 'zhangwei'],
    ['huawei', 'zhangwei'],
    ['jishu', 'zhangwei'], // 华为技术: pinyin of a word inside the company name
    ['tengxun', 'zhangweiming'],
    ['销售', 'zhangweiming'],
    ['purchasing', 'john'],
    ['价格敏感', 'zhanghua'],
    ['vip', 'john'],
    ['canton', 'johnson'],
    ['预算', 'wangfang'],
    // emails, local part and domain
    ['john.smith@acme.com', 'john'],
    ['acme.com.cn', 'wangfang'],
    ['@globex.com', 'johnson'],
    ['obrien.ie', 'obrien'],
    // phones: last 4, prefix, digits anywhere, formatted
    ['5678', 'zhangwei'],
    ['138', 'zhangwei'],
    ['12345', 'zhangwei'],
    ['138-1234-5678', 'zhangwei'],
    ['+86 138 1234 5678', 'zhangwei'],
    ['0199', 'john'],
    ['7946', 'obrien'],
    // diacritics and punctuation
    ['jose', 'jose'],
    ['muller', 'jose'],
    ['obrien', 'obrien'],
    ["o'brien", 'obrien'],
    // typos: one letter off in a Latin name of 4+ letters
    ['smiht', 'john'],
    ['jonhson', 'johnson'],
    ['smith', 'john'],
    ['mray', 'johnson'],
  ])('%s → %s first', (q, id) => {
    expect(ids(index, q)[0]).toBe(id);
  });

  it.each([
    ['张伟', ['zhangwei', 'zhangweiming']],
    ['zhang wei', ['zhangwei', 'zhangweiming']],
    ['zhangwei', ['zhangwei', 'zhangweiming']],
    ['john', ['john', 'johnson']],
  ])('%s ranks %j in that order (exact before prefix)', (q, expected) => {
    expect(ids(index, q).slice(0, expected.length)).toEqual(expected);
  });

  it.each([[''], ['   '], ['\t\n'], ['zzzzqqq'], ['@'], ['deleted']])('%j finds nothing', (q) => {
    expect(ids(index, q)).toEqual([]);
  });

  it.each([
    ['z', ['zhangwei', 'zhangweiming', 'zhanghua']],
    ['j', ['john', 'johnson', 'jose']],
    ['张', ['zhangwei', 'zhangweiming', 'zhanghua']],
  ])('one character %s is a name prefix: %j', (q, expected) => {
    expect(ids(index, q).sort()).toEqual([...expected].sort());
  });

  it('a one-character query does not match emails, phones or notes', () => {
    expect(ids(index, '5')).toEqual([]);
    expect(ids(index, 'm').sort()).toEqual(['johnson', 'jose', 'lvmin', 'zhangweiming']); // Mary, Müller, min, ming; not mary@…, not "met" in notes
  });

  it('does not tolerate typos in short words, and ranks fuzzy below prefix', () => {
    expect(ids(index, 'jon')).toEqual([]);
    const hits = index.search('smitj');
    expect(hits.map((h) => h.id)).toEqual(['john']);
    expect(hits[0]!.score).toBeLessThan(200);
  });

  it('scores exact > prefix > fuzzy', () => {
    const exact = index.search('smith')[0]!.score;
    const prefix = index.search('smit')[0]!.score;
    const fuzzy = index.search('smiht')[0]!.score;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(fuzzy);
  });

  it('every word must match', () => {
    expect(ids(index, 'zhang smith')).toEqual([]);
    expect(ids(index, 'john acme')).toEqual(['john']);
  });

  it('respects the limit and breaks ties in a stable order', () => {
    expect(ids(index, 'zhang', 2)).toEqual(['zhanghua', 'zhangwei']);
    expect(ids(index, 'zhang', 0)).toEqual([]);
  });

  it('does not index soft-deleted customers', () => {
    expect(index.has('deleted')).toBe(false);
    expect(index.size).toBe(people.length - 1);
  });

  it.each([
    ['globex.com', ['johnson']],
    ['www.globex.com', ['johnson']],
    ['shop.globex.com', ['johnson']],
    ['https://acme.com/contact', ['john']],
    ['huawei.com', ['zhangwei']],
    ['mail.obrien.ie', ['obrien']],
    ['com.cn', []],
  ])('byDomain(%s) → %j', (host, expected) => {
    expect(index.byDomain(host)).toEqual(expected);
  });

  it('finds by exact email and by LinkedIn URL', () => {
    expect(index.byEmail('John.Smith@ACME.com')).toEqual(['john']);
    expect(index.bySocial('linkedin.com/in/jose-muller')).toEqual(['jose']);
    expect(index.bySocial('https://cn.linkedin.com/in/jose-muller?trk=x')).toEqual(['jose']);
  });
});

describe('search: incremental changes', () => {
  it('add, update and remove are seen by the next search', () => {
    const ix = buildSearchIndex(people);
    ix.add(card('liqiang', { name: '李强', phones: [{ raw: '139 0000 4321', label: 'mobile' }] }));
    expect(ids(ix, 'liqiang')).toEqual(['liqiang']);
    expect(ids(ix, '4321')).toEqual(['liqiang']);
    ix.update(card('zhangwei', { name: '张薇', company: '小米' }));
    expect(ids(ix, 'huawei')).toEqual([]);
    expect(ids(ix, 'xiaomi')).toEqual(['zhangwei']);
    expect(ids(ix, '5678')).toEqual([]);
    ix.update(card('liqiang', { name: '李强强' }));
    expect(ids(ix, '4321')).toEqual([]);
    expect(ids(ix, 'lqq')).toEqual(['liqiang']);
    ix.remove('john');
    expect(ids(ix, 'smith')).toEqual([]);
    ix.update(card('johnson', { name: 'Mary Johnson', deletedAt: 9 }));
    expect(ids(ix, 'johnson')).toEqual([]);
    expect(ix.size).toBe(people.length - 1 - 2 + 1);
    expect(ix.pending).toBe(2); // liqiang and zhangwei live in the overlay
  });

  it('compacting keeps results and order', () => {
    const ix = buildSearchIndex(people);
    ix.add(card('zz-new', { name: '张伟' }));
    ix.remove('zhanghua');
    const before = ix.search('zhang');
    ix.compact();
    expect(ix.pending).toBe(0);
    expect(ix.search('zhang')).toEqual(before);
    expect(ids(ix, 'zhang')).toContain('zz-new');
  });
});

describe('search: serialise → restore', () => {
  const queries = ['zw', 'zhang wei', '张w', 'acme', '5678', '12345', 'smiht', 'j', '华为', 'globex.com', 'canton'];

  it('a restored index answers like the original, after incremental changes too', () => {
    const ix = buildSearchIndex(people);
    ix.add(card('liqiang', { name: '李强', emails: [{ value: 'li@acme.com', label: '' }] }));
    ix.update(card('wangfang', { name: '王芳芳' }));
    ix.remove('jose');
    const restored = loadSearchIndex(structuredClone(ix.serialize()));
    for (const q of queries) expect(restored.search(q), q).toEqual(ix.search(q));
    expect(restored.size).toBe(ix.size);
    restored.add(card('zeta', { name: 'Zeta Jones' }));
    expect(ids(restored, 'zeta')).toEqual(['zeta']);
  });

  it('an empty index round-trips', () => {
    const restored = loadSearchIndex(buildSearchIndex([]).serialize());
    expect(restored.size).toBe(0);
    expect(restored.search('a')).toEqual([]);
  });

  it('refuses a blob of another format', () => {
    const blob = { ...buildSearchIndex(people).serialize(), format: 999 };
    expect(() => loadSearchIndex(blob)).toThrow(/format/);
  });
});

describe('search: a Chinese query finds its own characters first', () => {
  // 华信 and 胡秀英 share the initials hx; 胡 and 黄 share the pinyin prefix hu.
  const cards = [
    card('hxy1', { name: '胡秀英', company: '远景贸易' }),
    card('hxy2', { name: '胡秀英', company: '北辰物流' }),
    card('huaxin1', { name: '李强', company: '华信软件' }),
    card('huaxin2', { name: 'Anna Lee', company: '华信科技有限公司' }),
    card('huang1', { name: '黄磊' }),
    card('huang2', { name: '黄晓明', company: '华信咨询' }),
    card('hu1', { name: '胡军' }),
    card('pinyin', { name: 'Zhang Wei', company: 'Huaxin Trading' }),
    card('zhangwei', { name: '张薇' }),
  ];
  const ix = buildSearchIndex(cards);

  it.each([
    ['华信', ['huaxin1', 'huaxin2', 'huang2']],
    ['胡', ['hu1', 'hxy1', 'hxy2']],
    ['胡秀英', ['hxy1', 'hxy2']],
  ])('%s: only cards holding the characters', (q, expected) => {
    expect(ids(ix, q).sort()).toEqual([...expected].sort());
  });

  it('a Chinese query with no literal match falls back to its pinyin (同音字, pinyin-spelled cards)', () => {
    expect(ids(ix, '张伟').sort()).toEqual(['pinyin', 'zhangwei']);
    expect(ids(ix, '华欣')).toContain('huaxin1');
  });

  it('Latin queries keep matching through pinyin', () => {
    expect(ids(ix, 'huaxin').sort()).toEqual(['huang2', 'huaxin1', 'huaxin2', 'pinyin']);
    expect(ids(ix, 'hxy').sort()).toEqual(['hxy1', 'hxy2']);
    expect(ids(ix, 'hu')).toEqual(expect.arrayContaining(['hu1', 'huang1', 'hxy1']));
  });

  it('the same with precomputed hot lists at 3,000 cards, before and after a change', () => {
    const many = [...cards, ...Array.from({ length: 3000 }, (_, k) => card(`h${k}`, { name: k % 2 ? `黄${'一二三四五六七八九十'[k % 10]}` : `胡${'一二三四五六七八九十'[k % 10]}` }))];
    const big = loadSearchIndex(structuredClone(buildSearchIndex(many).serialize()));
    const hits = (q: string) => big.search(q, 100).map((h) => many.find((c) => c.id === h.id)!.name);
    expect(hits('胡').every((n) => n.includes('胡'))).toBe(true);
    expect(hits('黄').every((n) => n.includes('黄'))).toBe(true);
    big.add(card('new', { name: '胡新' }));
    expect(hits('胡').every((n) => n.includes('胡'))).toBe(true);
    expect(big.search('胡新').map((h) => h.id)).toEqual(['new']);
  });
});
