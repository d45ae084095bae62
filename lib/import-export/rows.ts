import { customerKinds, stages, type Phone } from '../domain';
import type { ColumnMapping, ColumnTarget } from './columns';
import { blankDraft, type ImportDraft, type RowIssue } from './draft';
import { parseBirthday } from './values';

/** Several values in one cell: Google's " ::: ", else line breaks; tags also split on , ; 、 */
function multi(value: string, loose = false): string[] {
  const parts = value.includes(':::') ? value.split(':::') : value.split(loose ? /[\n,;，；、]/ : /\n/);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Undo the CSV-injection guard written by toCsv (a leading ' before = + - @). */
export function unguard(value: string): string {
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

/**
 * Turn spreadsheet rows into drafts with a column mapping. `firstRow` is the spreadsheet row number
 * of rows[0] (2 when a header row precedes). Blank rows are skipped; a row whose values cannot be
 * read (an impossible birthday, an unknown stage) is reported, not guessed.
 */
export function rowsToDrafts(rows: string[][], mapping: ColumnMapping[], firstRow: number): { drafts: ImportDraft[]; errors: RowIssue[]; rowNumbers: number[] } {
  const drafts: ImportDraft[] = [];
  const errors: RowIssue[] = [];
  const rowNumbers: number[] = [];
  const active = mapping.filter((m) => m.target !== null);
  rows.forEach((cells, r) => {
    const row = firstRow + r;
    if (cells.every((c) => !c || !c.trim())) return;
    const d = blankDraft();
    const names: Partial<Record<ColumnTarget, string>> = {};
    const birth: { y?: string; m?: string; d?: string } = {};
    const places = new Map<string, Record<string, string>>();
    const custom: Record<string, string> = {};
    const extra: NonNullable<ImportDraft['extra']> = {};
    const problems: string[] = [];
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
          const b = parseBirthday(value);
          if (b) d.birthday = b;
          else problems.push(`"${value}" in column "${col.header}" is not a date`);
          break;
        }
        case 'birthYear': birth.y = value; break;
        case 'birthMonth': birth.m = value; break;
        case 'birthDay': birth.d = value; break;
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
          else problems.push(`"${value}" in column "${col.header}" is not a stage (${stages.join(', ')})`);
          break;
        case 'interests': extra.interests = multi(value, true); break;
        case 'annualValue': {
          const n = Number(value.replace(/[,\s¥￥$€]/g, ''));
          if (Number.isFinite(n) && n >= 0) extra.annualValue = n;
          else problems.push(`"${value}" in column "${col.header}" is not an amount`);
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
      else problems.push(`birthday ${[birth.y, birth.m, birth.d].filter(Boolean).join('-')} is not a date`);
    }
    const composed = [names.prefix, names.firstName, names.middleName, names.lastName, names.suffix].filter(Boolean);
    const cjk = /[\u3400-\u9fff]/.test(composed.join(''));
    d.name = names.name ?? (cjk ? [names.lastName, names.firstName].filter(Boolean).join('') : composed.join(' '));
    d.addresses = [...places.values()].map((a) => ({ label: a.label ?? '', formatted: a.formatted ?? '', street: a.street ?? '', city: a.city ?? '', region: a.region ?? '', postalCode: a.postalCode ?? '', country: a.country ?? '' }));
    if (Object.keys(custom).length) extra.customFields = Object.fromEntries(Object.entries(custom).map(([k, v]) => [k.slice(0, 200), String(v).slice(0, 2000)]));
    if (Object.keys(extra).length) d.extra = extra;
    d.provenance = { source: 'file' };
    if (problems.length) errors.push({ row, message: problems.join('; ') });
    drafts.push(d);
    rowNumbers.push(row);
  });
  return { drafts, errors, rowNumbers };
}
