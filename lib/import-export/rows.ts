import { customerKinds, stages, type Phone } from '../domain';
import type { ColumnMapping, ColumnTarget } from './columns';
import { blankDraft, type ImportDraft, type RowIssue } from './draft';
import { t } from '../i18n';
import { detectDayOrder, readDate, type DayOrder } from './dates';
import { parseBirthday } from './values';

/** Several values in one cell: Google's " ::: ", else line breaks; tags also split on , ; 、 */
function multi(value: string, loose = false): string[] {
  const parts = value.includes(':::') ? value.split(':::') : value.split(loose ? /[\n,;，；、]/ : /\n/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Undo the CSV-injection guards written by toCsv: a leading ' before = + - @, and ="+86 …" text formulas. */
export function unguard(value: string): string {
  if (value.charCodeAt(0) === 61) {
    const m = /^="(\+[\d\s().\-/]{4,40})"$/.exec(value);
    if (m) return m[1]!;
  }
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

function phoneLabelFromText(text: string, fallback: Phone['label']): Phone['label'] {
  const t = text.toLowerCase();
  if (/fax|传真|傳真/.test(t)) return 'fax';
  if (/mobile|cell|手机|手機/.test(t)) return 'mobile';
  if (/work|business|工作|公司/.test(t)) return 'work';
  if (/home|住宅|家/.test(t)) return 'home';
  return t ? 'other' : fallback;
}

function labelText(text: string): string {
  const t = text.replace(/^\*\s*/, '').trim().toLowerCase();
  if (/work|business|工作/.test(t)) return 'work';
  if (/home|家/.test(t)) return 'home';
  return t.slice(0, 40);
}

export interface RowOptions {
  /** The file's (or the user's) locale: decides D/M/Y vs M/D/Y when no value in a column does. */
  locale?: string;
}

/**
 * A display name for a contact that has only an email: "jane.doe@x.com" → "Jane Doe",
 * "li_na88@x.cn" → "Li Na88"; a local part that is not words ("info", "sales") or is one
 * run of letters keeps the whole address, which is what mail programs show.
 */
export function displayNameFromEmail(email: string): string {
  const value = email.replace(/^.*<([^>]+)>.*$/, '$1').replace(/^mailto:/i, '').trim();
  const local = value.split('@')[0] ?? '';
  const words = local.split(/[._-]+/).filter(Boolean);
  if (words.length < 2 || words.length > 4 || !words.every((w) => /^\p{L}[\p{L}\d]*$/u.test(w))) return value;
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join(' ');
}

/**
 * Turn spreadsheet rows into drafts with a column mapping. `firstRow` is the spreadsheet row number
 * of rows[0] (2 when a header row precedes). Blank rows are skipped; a row whose values cannot be
 * read (an impossible birthday, an unknown stage) is reported, not guessed.
 */
export function rowsToDrafts(rows: string[][], mapping: ColumnMapping[], firstRow: number, options: RowOptions = {}): { drafts: ImportDraft[]; errors: RowIssue[]; rowNumbers: number[] } {
  const drafts: ImportDraft[] = [];
  const errors: RowIssue[] = [];
  const rowNumbers: number[] = [];
  const active = mapping.filter((m) => m.target !== null);
  // Each date column's day order is decided once from all its values (20/01/1991 → day first).
  const orders = new Map<number, DayOrder>();
  for (const col of active) if (col.target === 'birthday') orders.set(col.index, detectDayOrder(rows.map((r) => r[col.index] ?? ''), options.locale));
  rows.forEach((cells, r) => {
    const row = firstRow + r;
    if (cells.every((c) => !c || !c.trim())) return;
    const d = blankDraft();
    const names: Partial<Record<ColumnTarget, string>> = {};
    const birth: { y?: string; m?: string; d?: string } = {};
    const places = new Map<string, Record<string, string>>();
    const custom: Record<string, string> = {};
    const extra: NonNullable<ImportDraft['extra']> = {};
    const problems: Array<{ column: string; message: string }> = [];
    const problem = (col: ColumnMapping, message: string) => problems.push({ column: col.header || `#${col.index + 1}`, message });
    for (const col of active) {
      const value = unguard((cells[col.index] ?? '').trim());
      if (!value) continue;
      const target = col.target!;
      const label = col.labelColumn !== undefined ? (cells[col.labelColumn] ?? '').trim() : '';
      const [kind, where] = target.split(':') as [string, string | undefined];
      switch (kind) {
        case 'name': case 'firstName': case 'middleName': case 'lastName': case 'prefix': case 'suffix':
          names[target] = names[target] ? `${names[target]} ${value}` : value; break;
        case 'nickname': custom.nickname = value; break;
        case 'company': d.company = value; break;
        case 'department': d.department = value; break;
        case 'title': d.title = value; break;
        case 'kind':
          if ((customerKinds as readonly string[]).includes(value)) d.kind = value as never;
          else if (/组织|組織|公司|org/i.test(value)) d.kind = 'organization';
          break;
        case 'email':
          for (const v of multi(value)) d.emails.push({ value: v, label: label ? labelText(label) : where ?? '' });
          break;
        case 'phone':
          for (const v of multi(value)) d.phones.push({ raw: v, label: label ? phoneLabelFromText(label, 'other') : (where as Phone['label']) });
          break;
        case 'street': case 'city': case 'region': case 'postalCode': case 'country': case 'address': {
          const key = col.group ?? where ?? 'home';
          const a = places.get(key) ?? { label: label ? labelText(label) : where ?? '' };
          const part = kind === 'address' ? 'formatted' : kind;
          a[part] = a[part] ? `${a[part]}\n${value}` : value;
          places.set(key, a);
          break;
        }
        case 'website': d.websites.push(...multi(value)); break;
        case 'birthday': {
          const r = readDate(value, orders.get(col.index));
          if (r.kind === 'date') d.birthday = r.date;
          else if (r.kind === 'invalid') problem(col, t('impx.notDate', { value }));
          break;
        }
        // Thunderbird writes 0 (or nothing) for an unknown part.
        case 'birthYear': if (+value) birth.y = value; break;
        case 'birthMonth': if (+value || !/^0+$/.test(value)) birth.m = value; break;
        case 'birthDay': if (+value || !/^0+$/.test(value)) birth.d = value; break;
        case 'notes': d.notes = d.notes ? `${d.notes}\n\n${value}` : value; break;
        case 'tags': d.tags.push(...multi(value, true).map((t) => t.replace(/^\*\s*/, ''))); break;
        case 'wechat': case 'qq': case 'linkedin': case 'weibo': case 'x': case 'dingtalk': case 'whatsapp':
          for (const v of multi(value)) d.social.push({ network: kind, handle: v });
          break;
        case 'social': for (const v of multi(value)) d.social.push({ network: 'other', handle: v }); break;
        case 'industry': extra.industry = value; break;
        case 'owner': extra.owner = value; break;
        case 'stage':
          if ((stages as readonly string[]).includes(value)) extra.stage = value as never;
          else problem(col, t('impx.notStage', { value, stages: stages.join(', ') }));
          break;
        case 'interests': extra.interests = multi(value, true); break;
        case 'annualValue': {
          const n = Number(value.replace(/[,\s¥￥$€]/g, ''));
          if (Number.isFinite(n) && n >= 0) extra.annualValue = n;
          else problem(col, t('impx.notAmount', { value }));
          break;
        }
        case 'customFields':
          try {
            const parsed: unknown = JSON.parse(value);
            if (parsed && typeof parsed === 'object') Object.assign(custom, parsed);
          } catch {
            custom[col.header] = value;
          }
          break;
        default: custom[col.header || `column ${col.index + 1}`] = value;
      }
    }
    if (birth.m || birth.d) {
      const b = parseBirthday(birth.y ? `${birth.y}-${birth.m?.padStart(2, '0')}-${birth.d?.padStart(2, '0')}` : `--${birth.m?.padStart(2, '0')}-${birth.d?.padStart(2, '0')}`);
      if (b) d.birthday = b;
      else problems.push({ column: mapping.filter((m) => m.target === 'birthMonth' || m.target === 'birthDay').map((m) => m.header).join(', '), message: t('impx.birthParts', { value: [birth.y, birth.m, birth.d].filter(Boolean).join('-') }) });
    }
    const composed = [names.prefix, names.firstName, names.middleName, names.lastName, names.suffix].filter(Boolean);
    const cjk = /[\u3400-\u9fff]/.test(composed.join(''));
    d.name = names.name ?? (cjk ? [names.lastName, names.firstName].filter(Boolean).join('') : composed.join(' '));
    if (!d.name && !d.company && d.emails[0]) {
      d.name = displayNameFromEmail(d.emails[0].value);
      d.provenance.name = 'email';
    }
    d.addresses = [...places.values()].map((a) => ({ label: a.label ?? '', formatted: a.formatted ?? '', street: a.street ?? '', city: a.city ?? '', region: a.region ?? '', postalCode: a.postalCode ?? '', country: a.country ?? '' }));
    if (Object.keys(custom).length) extra.customFields = Object.fromEntries(Object.entries(custom).map(([k, v]) => [k.slice(0, 200), String(v).slice(0, 2000)]));
    if (Object.keys(extra).length) d.extra = extra;
    d.provenance = { ...d.provenance, source: 'file' };
    for (const p of problems) errors.push({ row, column: p.column, message: t('impx.inColumn', { column: p.column, message: p.message }) });
    drafts.push(d);
    rowNumbers.push(row);
  });
  return { drafts, errors, rowNumbers };
}
