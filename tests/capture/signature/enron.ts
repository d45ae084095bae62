import { readdirSync, readFileSync } from 'node:fs';
import type { Values } from './f1';

/**
 * The Quagga-annotated Enron messages: the sender's own part is the text before the first quoted
 * header annotation; its signature fields are the expected values.
 */
interface Annotation { type: string; start: number; end: number; text: string }
interface Expected { headers: Record<string, string>; all_annotations: Annotation[]; signature_fields: Annotation[] }

const TYPE: Record<string, keyof Values> = {
  Name: 'name', Position: 'title', Organisation: 'company', Phone: 'phone', Fax: 'phone', Mail: 'email', Address: 'address',
};

export interface EnronCase { file: string; body: string; senderName: string; senderEmail: string; own: Values; ownEnd: number }

export function enronCases(dir: string): EnronCase[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((file) => {
    const body = readFileSync(`${dir}/${file}`, 'utf8');
    const e = JSON.parse(readFileSync(`${dir}/${file.replace(/\.txt$/, '.expected.json')}`, 'utf8')) as Expected;
    const headers = e.all_annotations.filter((a) => a.type === 'Header' || a.type.startsWith('Header/')).map((a) => a.start);
    const ownEnd = headers.length ? Math.min(...headers) : Infinity;
    const own: Values = {};
    // Offsets are code points; the texts here are the ones the annotation carries.
    const cps = [...body];
    const toUnits = (cp: number) => cps.slice(0, cp).join('').length;
    for (const a of e.signature_fields) {
      const f = TYPE[a.type.split('/').pop() ?? ''];
      if (!f || toUnits(a.start) >= (ownEnd === Infinity ? Infinity : toUnits(ownEnd))) continue;
      (own[f] ??= []).push(a.text.trim());
    }
    const xFrom = (e.headers['X-From'] ?? '').replace(/<[^>]*>/g, '').replace(/"/g, '').trim();
    return { file, body, senderName: xFrom, senderEmail: (e.headers.From ?? '').trim(), own, ownEnd };
  });
}
