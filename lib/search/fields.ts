/**
 * Where a term came from. The code is packed into the low 4 bits of each posting, so a search
 * can weigh a match without looking at the customer again.
 */
export const Field = {
  name: 0,
  nameJoined: 1, // all name words / pinyin syllables run together: "zhangwei", "johnsmith"
  pinyin: 2, // one syllable of a Chinese name, or a run of trailing syllables ("weiming")
  initials: 3, // pinyin initials of a Chinese name: "zw"
  namePart: 4, // a Han suffix of the name: "伟" of "张伟"
  company: 5,
  companyPinyin: 6,
  title: 7,
  email: 8,
  emailDomain: 9,
  phone: 10,
  tag: 11,
  website: 12,
  social: 13,
  notes: 14,
} as const;
export type FieldCode = (typeof Field)[keyof typeof Field];
export type FieldName = keyof typeof Field;

/** Weight of a match in each field, within its tier (exact / prefix / fuzzy); below 60. */
export const fieldWeight: readonly number[] = [
  /* name */ 60, /* nameJoined */ 58, /* pinyin */ 50, /* initials */ 46, /* namePart */ 40,
  /* company */ 42, /* companyPinyin */ 34, /* title */ 30, /* email */ 44, /* emailDomain */ 36,
  /* phone */ 44, /* tag */ 36, /* website */ 26, /* social */ 26, /* notes */ 4,
];

/** Fields a one-character query looks at: the ones a person starts typing a customer by. */
export const shortQueryFields: ReadonlySet<number> = new Set<number>([
  Field.name, Field.nameJoined, Field.pinyin, Field.initials, Field.namePart, Field.company, Field.tag,
]);

/** Notes only count from this many typed characters on: two letters match half of any note. */
export const NOTES_MIN_QUERY = 3;

/** Fields whose terms identify a customer's domain for "On this page" lookups. */
export const domainFields: ReadonlySet<number> = new Set<number>([Field.emailDomain, Field.website]);
