import { readFileSync } from 'node:fs';
import { corpusPath } from '../corpus';
import type { Customer } from '../../lib/domain';
import type { ImportDraft } from '../../lib/import-export/draft';

/** A corpus file's bytes. */
export function corpusBytes(...parts: string[]): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath(...parts)));
}

/** The fields a card carries, without record bookkeeping, for comparing round trips. */
export function cardData(c: Customer | ImportDraft) {
  return {
    name: c.name,
    company: c.company,
    title: c.title,
    department: c.department,
    emails: c.emails.map((e) => e.value.toLowerCase()).sort(),
    phones: c.phones.map((p) => `${p.label}:${p.raw}`).sort(),
    addresses: c.addresses.map((a) => [a.label ?? '', a.street, a.city, a.region, a.postalCode, a.country].join('|')).sort(),
    websites: [...c.websites].sort(),
    social: c.social.map((s) => `${s.network}:${s.handle}`).sort(),
    birthday: c.birthday,
    tags: [...c.tags].sort(),
    notes: c.notes,
  };
}
