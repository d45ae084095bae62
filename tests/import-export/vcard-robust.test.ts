import { describe, expect, it } from 'vitest';
import { readVCards } from '../../lib/import-export/vcard';
import { logicalLines } from '../../lib/import-export/vcard-lines';

const card = (body: string) => `BEGIN:VCARD\r\nVERSION:2.1\r\n${body}\r\nEND:VCARD\r\n`;

describe('readVCards: malformed files are reported by card number, nothing dropped silently', () => {
  it('a truncated last card is an error on its card number', () => {
    const r = readVCards(card('FN:A') + 'BEGIN:VCARD\r\nFN:B\r\n');
    expect(r.drafts.map((d) => d.name)).toEqual(['A']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.row).toBe(2);
  });

  it('a nested BEGIN keeps the outer card whole and reads the inner one too', () => {
    const r = readVCards('BEGIN:VCARD\r\nFN:Outer\r\nBEGIN:VCARD\r\nFN:Inner\r\nEND:VCARD\r\nTEL:123456\r\nEND:VCARD\r\n');
    expect(r.drafts.map((d) => d.name)).toEqual(['Outer', 'Inner']);
    expect(r.drafts[0]!.phones.map((p) => p.raw)).toEqual(['123456']);
    expect(r.warnings.some((w) => w.row === 2)).toBe(true);
  });

  it('a quoted-printable soft break before END:VCARD does not swallow the next card', () => {
    const r = readVCards(card('FN:A\r\nNOTE;ENCODING=QUOTED-PRINTABLE:hello=') + card('FN:B'));
    expect(r.drafts.map((d) => d.name)).toEqual(['A', 'B']);
    expect(r.drafts[0]!.notes).toBe('hello');
    expect(r.warnings.some((w) => w.row === 1)).toBe(true);
  });

  it('unfolds a 2 MB folded photo line in one pass (kept as one logical line)', () => {
    const photo = Array.from({ length: 30_000 }, () => ' ' + 'A'.repeat(74)).join('\r\n');
    const lines = logicalLines(`BEGIN:VCARD\r\nPHOTO;ENCODING=b:\r\n${photo}\r\nEND:VCARD\r\n`);
    expect(lines).toHaveLength(3);
    expect(lines[1]!.length).toBe('PHOTO;ENCODING=b:'.length + 30_000 * 74);
  });
});
