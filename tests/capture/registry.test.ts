import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webmailHosts } from '../../lib/capture/hosts';
import { adapters, pickAdapter } from '../../lib/capture/index';
import { corpusDir } from '../corpus';
import { toDocument } from './load';

const blank = () => toDocument('<html><body></body></html>');

describe('adapter registry', () => {
  it('registers one adapter per file in lib/capture/adapters, the generic page reader last', () => {
    const files = readdirSync(path.resolve(__dirname, '../../lib/capture/adapters')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(adapters.map((a) => a.id).sort()).toEqual(files);
    expect(adapters[adapters.length - 1]?.id).toBe('page');
  });

  it.each(adapters.filter((a) => a.webmail).map((a) => [a.id]))('%s has saved or written fixtures', (id) => {
    const own = path.resolve(__dirname, '../fixtures', id);
    const webmail = corpusDir ? path.join(corpusDir, 'webmail') : '';
    const corpus = !!webmail && existsSync(webmail) && readdirSync(webmail).some((f) => f.startsWith(id));
    expect(existsSync(own) || corpus).toBe(true);
  });

  const hostCases = Object.entries(webmailHosts).flatMap(([provider, hosts]) => hosts.map((h) => [`https://${h}/some/path`, provider]));
  it.each([
    ...hostCases,
    ['https://www.linkedin.com/in/someone/', 'linkedin'],
    ['https://cn.linkedin.com/company/acme/', 'linkedin'],
    ['https://example.com/contact', 'page'],
    ['https://mail.google.com.evil.example/', 'page'],
    ['not a url', 'page'],
  ])('%s → %s', (url, id) => {
    expect(pickAdapter(blank(), url).id).toBe(id);
  });
});
