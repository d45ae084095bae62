import type { Customer } from '../domain';
import { formatBirthday } from './values';

const SEP = ' ::: ';
const EMAILS = 3;
const PHONES = 4;
const ADDRESSES = 2;

/** Our export columns; every one maps back to the same field on import (tests/import-export round trip). */
export function csvHeader(): string[] {
  const h = ['Name', 'Kind', 'Company', 'Department', 'Job Title'];
  for (let i = 1; i <= EMAILS; i += 1) h.push(`E-mail ${i} - Label`, `E-mail ${i} - Value`);
  for (let i = 1; i <= PHONES; i += 1) h.push(`Phone ${i} - Label`, `Phone ${i} - Value`);
  for (let i = 1; i <= ADDRESSES; i += 1) {
    h.push(`Address ${i} - Label`, `Address ${i} - Formatted`, `Address ${i} - Street`, `Address ${i} - City`, `Address ${i} - Region`, `Address ${i} - Postal Code`, `Address ${i} - Country`);
  }
  h.push('Websites', 'WeChat', 'QQ', 'LinkedIn', 'Weibo', 'X', 'DingTalk', 'WhatsApp', 'Other social', 'Birthday', 'Tags', 'Interests', 'Industry', 'Owner', 'Stage', 'Annual value', 'Notes', 'Custom fields');
  return h;
}

/** Slot i of a list; the last slot carries the rest joined with " ::: " so nothing is cut off. */
function slot<T>(list: T[], i: number, slots: number, pick: (t: T) => string): string {
  if (i < slots - 1) return list[i] ? pick(list[i]!) : '';
  return list.slice(i).map(pick).join(SEP);
}

/** One customer as the cells of csvHeader(). */
export function customerCsvRow(c: Customer): string[] {
  const row = [c.name, c.kind, c.company, c.department, c.title];
  for (let i = 0; i < EMAILS; i += 1) row.push(c.emails[i]?.label ?? '', slot(c.emails, i, EMAILS, (e) => e.value));
  for (let i = 0; i < PHONES; i += 1) {
    const rest = i === PHONES - 1 ? c.phones.slice(i) : c.phones.slice(i, i + 1);
    // The last slot holds every remaining number under the first one's label: no number is cut off.
    row.push(rest[0]?.label ?? '', rest.map((p) => p.raw).join(SEP));
  }
  for (let i = 0; i < ADDRESSES; i += 1) {
    const a = c.addresses[i];
    row.push(a?.label ?? '', a?.formatted ?? '', a?.street ?? '', a?.city ?? '', a?.region ?? '', a?.postalCode ?? '', a?.country ?? '');
  }
  // One pass over the handles (most cards have none) instead of one filter per network.
  const social: Record<string, string> = {};
  for (const s of c.social) social[s.network] = social[s.network] === undefined ? s.handle : `${social[s.network]}${SEP}${s.handle}`;
  const net = (n: string) => social[n] ?? '';
  row.push(
    c.websites.join(SEP), net('wechat'), net('qq'), net('linkedin'), net('weibo'), net('x'), net('dingtalk'), net('whatsapp'), net('other'),
    c.birthday ? formatBirthday(c.birthday) : '', c.tags.join(SEP), c.interests.join(SEP), c.industry, c.owner, c.stage,
    c.annualValue === undefined ? '' : String(c.annualValue), c.notes,
    Object.keys(c.customFields).length ? JSON.stringify(c.customFields) : '',
  );
  return row;
}

const QUOTE = /[",\r\n;\t]/;

/** A phone number in international form: only digits and the usual separators after the +. */
const INTERNATIONAL = /^\+[\d\s().\-/]{4,40}$/;

/**
 * One CSV cell: quoted when needed, and a leading = + - @ tab CR neutralised so a spreadsheet
 * never runs it as a formula (OWASP CSV injection); the importer undoes both forms.
 * - An international number ("+86 138 0013 8000") is written as the text formula ="+86 138 0013 8000":
 *   Excel, LibreOffice, Numbers and Google Sheets show exactly the number, as text (no apostrophe,
 *   not turned into 8.61E+12), and a constant string cannot run anything.
 * - Anything else that starts like a formula gets a leading ' (shown by spreadsheets, but safe).
 * Most cells of an export are empty or plain: those return without a regex (5M cells at 100k).
 */
export function csvCell(value: string): string {
  if (value === '') return '';
  const first = value.charCodeAt(0); // = + - @ tab CR
  let v = value;
  if (first === 43 && INTERNATIONAL.test(value)) v = `="${value}"`;
  else if (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13) v = `'${value}`;
  return QUOTE.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A CSV line (CRLF-terminated). */
export function csvLine(cells: string[]): string {
  let line = cells.length ? csvCell(cells[0]!) : '';
  for (let i = 1; i < cells.length; i++) line += `,${csvCell(cells[i]!)}`;
  return `${line}\r\n`;
}

/** Customers as CSV text with a UTF-8 BOM, so Excel opens Chinese correctly. */
export function toCsv(customers: Customer[]): string {
  return `\uFEFF${csvLine(csvHeader())}${customers.map((c) => csvLine(customerCsvRow(c))).join('')}`;
}
