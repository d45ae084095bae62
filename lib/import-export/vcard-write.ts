import type { Customer } from '../domain';
import { escapeText, foldLine } from './vcard-lines';
import { formatBirthday } from './values';

const TEL_TYPE: Record<string, string> = { mobile: 'cell', work: 'work', home: 'home', fax: 'fax', other: 'voice' };

function typeParam(version: '3.0' | '4.0', type: string): string {
  if (!type) return '';
  return version === '4.0' ? `;TYPE=${type.toLowerCase()}` : `;TYPE=${type.toUpperCase()}`;
}

/** N from a display name: Latin "First Last" → Last;First, CJK names kept whole as the family part. */
function structuredName(c: Customer): string {
  if (c.kind === 'organization') return ';;;;';
  const parts = c.name.trim().split(/\s+/);
  if (/[\u3040-\u30ff\u3400-\u9fff]/.test(c.name) || parts.length < 2) return `${escapeText(c.name)};;;;`;
  return `${escapeText(parts.at(-1)!)};${escapeText(parts.slice(0, -1).join(' '))};;;`;
}

function cardLines(c: Customer, version: '3.0' | '4.0'): string[] {
  const lines = ['BEGIN:VCARD', `VERSION:${version}`];
  if (version === '4.0' && c.kind === 'organization') lines.push('KIND:org');
  lines.push(`FN:${escapeText(c.name)}`, `N:${structuredName(c)}`);
  if (version === '3.0' && c.kind === 'organization') lines.push('X-ABShowAs:COMPANY');
  if (c.company || c.department) lines.push(`ORG:${[c.company, c.department].filter((x, i) => x || i === 0).map(escapeText).join(';')}`);
  if (c.title) lines.push(`TITLE:${escapeText(c.title)}`);
  for (const e of c.emails) lines.push(`EMAIL${typeParam(version, e.label === 'work' || e.label === 'home' ? e.label : '')}:${escapeText(e.value)}`);
  for (const p of c.phones) lines.push(`TEL${typeParam(version, TEL_TYPE[p.label] ?? 'voice')}:${escapeText(p.raw)}`);
  for (const a of c.addresses) {
    const label = version === '4.0' && a.formatted ? `;LABEL="${a.formatted.replace(/"/g, "'").replace(/\r?\n/g, '\\n')}"` : '';
    const comps = ['', '', a.street, a.city, a.region, a.postalCode, a.country].map(escapeText).join(';');
    lines.push(`ADR${typeParam(version, a.label === 'work' || a.label === 'home' ? a.label : '')}${label}:${comps}`);
    if (version === '3.0' && a.formatted) lines.push(`LABEL${typeParam(version, a.label === 'work' || a.label === 'home' ? a.label : '')}:${escapeText(a.formatted)}`);
  }
  for (const w of c.websites) lines.push(`URL:${w.replace(/\r?\n/g, ' ')}`);
  if (c.birthday) lines.push(`BDAY:${formatBirthday(c.birthday, version === '4.0')}`);
  for (const s of c.social) {
    if (s.network === 'qq') lines.push(`X-QQ:${escapeText(s.handle)}`);
    else if (s.network === 'wechat') lines.push(`X-WECHAT:${escapeText(s.handle)}`);
    else lines.push(`X-SOCIALPROFILE;TYPE=${s.network === 'x' ? 'twitter' : s.network}:${escapeText(s.handle)}`);
  }
  if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
  if (c.notes) lines.push(`NOTE:${escapeText(c.notes)}`);
  const custom = { ...c.customFields };
  if (custom.nickname) { lines.push(`NICKNAME:${escapeText(custom.nickname)}`); delete custom.nickname; }
  if (custom.role) { lines.push(`ROLE:${escapeText(custom.role)}`); delete custom.role; }
  if (c.industry) lines.push(`X-CARDFILE-INDUSTRY:${escapeText(c.industry)}`);
  if (c.owner) lines.push(`X-CARDFILE-OWNER:${escapeText(c.owner)}`);
  lines.push(`X-CARDFILE-STAGE:${c.stage}`);
  if (c.interests.length) lines.push(`X-CARDFILE-INTERESTS:${c.interests.map(escapeText).join(',')}`);
  if (c.annualValue !== undefined) lines.push(`X-CARDFILE-ANNUAL-VALUE:${c.annualValue}`);
  for (const [key, value] of Object.entries(custom)) {
    lines.push(`X-CARDFILE-FIELD;X-NAME="${key.replace(/["\r\n]/g, ' ')}":${escapeText(value)}`);
  }
  lines.push(`UID:urn:uuid:${c.id}`, `REV:${new Date(c.updatedAt).toISOString().replace(/[-:]|\.\d+/g, '')}`, 'END:VCARD');
  return lines;
}

/** Customers as a .vcf file (vCard 3.0 or 4.0, UTF-8, CRLF, folded at 75 octets). */
export function toVCard(customers: Customer[], version: '3.0' | '4.0'): string {
  return customers.map((c) => cardLines(c, version).map(foldLine).join('\r\n')).join('\r\n') + '\r\n';
}
