import { optional } from './optional';
import { stats } from './stats';

export interface CorpusPage { name: string; url: string; html: string }

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * extractCapture on each saved webmail page (parsed once, not timed), `reps` times each; beside it
 * the naive read: the whole page's text scanned for addresses.
 */
export async function capture(pages: CorpusPage[], reps: number) {
  const mod = await optional('capture');
  if (!mod) return { status: 'pending: not merged yet' as const };
  const all: number[] = [];
  const naiveAll: number[] = [];
  const perPage = pages.map((p) => {
    const doc = new DOMParser().parseFromString(p.html, 'text/html');
    const samples: number[] = [];
    const naive: number[] = [];
    let contacts = 0;
    let error: string | undefined;
    for (let i = 0; i < reps; i++) {
      const t0 = performance.now();
      try {
        contacts = mod.extractCapture(doc, p.url).contacts.length;
      } catch (e) {
        error = e instanceof Error ? e.name : String(e);
      }
      samples.push(performance.now() - t0);
      const t1 = performance.now();
      void (doc.body?.textContent ?? '').match(EMAIL);
      naive.push(performance.now() - t1);
    }
    all.push(...samples);
    naiveAll.push(...naive);
    const s = stats(samples);
    return { name: p.name, bytes: p.html.length, median: s.median, p95: s.p95, contacts, error };
  });
  return { pages: perPage.length, all: stats(all), naiveTextScan: stats(naiveAll), slowest: perPage.reduce((a, b) => (b.median > a.median ? b : a)), perPage };
}
