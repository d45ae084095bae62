// Stored codes in words. Each helper takes the enum's own type, so a value without words is a
// compile error (no `as MessageKey`), and tests/enums.test.ts checks both languages at run time.
import type { AuditEntry } from '../domain/audit';
import type { Customer } from '../domain/customer';
import type { ColumnTarget } from '../import-export/columns';
import { lang, t, type Lang } from './index';

type PhoneLabel = Customer['phones'][number]['label'];
const PHONE_LABELS: readonly PhoneLabel[] = ['mobile', 'work', 'home', 'fax', 'other'];

type Network = Customer['social'][number]['network'];
type Section = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L' | 'M' | 'N' | 'O' | 'P' | 'Q' | 'R' | 'S' | 'T';

/** GB/T 4754-2017 sections (kept here, not imported from the zod schemas: the popup loads this file's module graph). */
export const SECTIONS: readonly Section[] = [...'ABCDEFGHIJKLMNOPQRST'] as Section[];
const isSection = (v: string): v is Section => (SECTIONS as readonly string[]).includes(v);

/** A GB/T 4754 section code ("J", "j") by name ("金融业" / "Finance"); free text as written. */
export function industryName(value: string, lang?: Lang): string {
  const code = value.trim().toUpperCase();
  return isSection(code) ? t(`industry.${code}`, undefined, lang) : value;
}

export const networkName = (n: Network, lang?: Lang): string => t(`network.${n}`, undefined, lang);

/** "Card changed" / "卡片 修改". */
export const auditWords = (e: Pick<AuditEntry, 'entity' | 'action'>, lang?: Lang): string =>
  `${t(`audit.entity.${e.entity}`, undefined, lang)} ${t(`audit.${e.action}`, undefined, lang)}`;

const EMAIL_LABELS = { work: 'emailLabel.work', home: 'emailLabel.home', personal: 'emailLabel.personal', other: 'emailLabel.other', internet: 'emailLabel.other', pref: 'emailLabel.other' } as const;
/** An email's label: the common ones (vCard TYPE, Google/Outlook exports) in words, anything the user typed as typed. */
export function emailLabel(label: string, lang?: Lang): string {
  const k = label.trim().toLowerCase();
  return Object.hasOwn(EMAIL_LABELS, k) ? t(EMAIL_LABELS[k as keyof typeof EMAIL_LABELS], undefined, lang) : label;
}

type KindOf<T> = T extends `${infer K}:${string}` ? K : T;
type TargetKind = KindOf<ColumnTarget>;
/** Every mapping target in words: a target added to columns.ts without words does not compile. */
const TARGET_WORDS: Record<TargetKind, () => string> = {
  name: () => t('field.name'), firstName: () => t('imp.target.firstName'), middleName: () => t('imp.target.middleName'),
  lastName: () => t('imp.target.lastName'), prefix: () => t('imp.target.prefix'), suffix: () => t('imp.target.suffix'),
  nickname: () => t('imp.target.nickname'), company: () => t('field.company'), department: () => t('field.department'),
  title: () => t('field.title'), kind: () => t('field.kind'), email: () => t('field.emails'), phone: () => t('field.phones'),
  street: () => t('field.street'), city: () => t('field.city'), region: () => t('field.region'), postalCode: () => t('field.postalCode'),
  country: () => t('field.country'), address: () => t('field.addresses'), website: () => t('field.websites'),
  birthday: () => t('field.birthday'), birthYear: () => t('imp.target.birthYear'), birthMonth: () => t('imp.target.birthMonth'),
  birthDay: () => t('imp.target.birthDay'), notes: () => t('field.notes'), tags: () => t('field.tags'),
  wechat: () => networkName('wechat'), qq: () => networkName('qq'), linkedin: () => networkName('linkedin'), weibo: () => networkName('weibo'),
  x: () => networkName('x'), dingtalk: () => networkName('dingtalk'), whatsapp: () => networkName('whatsapp'), social: () => t('imp.target.social'),
  industry: () => t('field.industry'), owner: () => t('field.owner'), stage: () => t('field.stage'), interests: () => t('field.interests'),
  annualValue: () => t('field.annualValue'), customFields: () => t('imp.target.customFields'), custom: () => t('imp.custom'),
};
const isPhoneLabel = (v: string): v is PhoneLabel => (PHONE_LABELS as readonly string[]).includes(v);

/** A mapping target in words: "Phones (Mobile)", "城市（工作）". */
export function targetLabel(target: ColumnTarget): string {
  const [kind, where] = target.split(':') as [TargetKind, string | undefined];
  const base = TARGET_WORDS[kind]?.() ?? kind;
  if (!where) return base;
  const place = isPhoneLabel(where) ? t(`phone.${where}`) : emailLabel(where);
  return lang.value === 'zh-CN' ? `${base}（${place}）` : `${base} (${place})`;
}
