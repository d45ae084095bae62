// The saved webmail pages of the shared corpus, each with the URL its site would have
// (the same hosts the capture tests use), decoded with the charset the page declares.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The corpus folder: $CARDFILE_CORPUS, else <repo>/../shared/corpus, else /work/shared/corpus (as tests/corpus.ts). */
export function corpusDir(repo) {
  const candidates = [process.env.CARDFILE_CORPUS, path.resolve(repo, '..', 'shared', 'corpus'), '/work/shared/corpus'];
  return candidates.find((c) => c && existsSync(c));
}

const URLS = [
  [/^gmail-/, 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzYw'],
  [/^outlook-/, 'https://outlook.office.com/mail/inbox/id/AAQkAGI2TG93AAA%3D'],
  [/^qqmail-/, 'https://mail.qq.com/cgi-bin/readmail?folderid=1&t=readmail&mailid=390000000191630792202648542861'],
  [/^yahoo-/, 'https://mail.yahoo.com/d/folders/1/messages/AKdW2b8AAABcZ4'],
  [/^netease-/, 'https://mail.163.com/js6/main.jsp?sid=x#module=read.ReadModule'],
];
const GENERIC = 'https://example.org/mail/message.html';

function charsetOf(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = (/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8').toLowerCase();
  return /^(gb2312|gbk|gb_2312-80|x-gbk|gb18030)$/.test(label) ? 'gb18030' : label;
}

/** [{ name, url, html }] for every page in corpus/webmail, or [] when the corpus is absent. */
export function webmailPages(repo) {
  const dir = corpusDir(repo);
  if (!dir || !existsSync(path.join(dir, 'webmail'))) return [];
  return readdirSync(path.join(dir, 'webmail')).filter((f) => f.endsWith('.html')).sort().map((name) => {
    const bytes = new Uint8Array(readFileSync(path.join(dir, 'webmail', name)));
    let html;
    try { html = new TextDecoder(charsetOf(bytes)).decode(bytes); } catch { html = new TextDecoder().decode(bytes); }
    return { name, url: URLS.find(([re]) => re.test(name))?.[1] ?? GENERIC, html };
  });
}
