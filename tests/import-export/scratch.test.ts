import { readFileSync, readdirSync } from 'node:fs';
import { it } from 'vitest';
import { parseVCards } from '../../lib/import-export/vcard';
it('dump', () => {
  for (const f of readdirSync('/work/shared/corpus/vcf')) {
    const d = parseVCards(new Uint8Array(readFileSync('/work/shared/corpus/vcf/' + f)));
    console.log(f, JSON.stringify(d.map(({ provenance, ...x }) => Object.fromEntries(Object.entries(x).filter(([, v]) => !(Array.isArray(v) && !v.length) && v !== '')))));
  }
});
