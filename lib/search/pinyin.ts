import { pinyin } from 'pinyin-pro';
import { hasHan } from './fold';

/**
 * Pinyin readings through pinyin-pro (its dictionary knows surname readings: 单 → shan, 曾 → zeng).
 * Converting is the slow part of building an index (~5 µs a name), and names and companies repeat
 * a lot, so results are cached per string for the life of the module.
 */
const nameCache = new Map<string, string[]>();
const textCache = new Map<string, string[]>();
const CACHE_LIMIT = 200_000;

function remember(cache: Map<string, string[]>, key: string, value: string[]): string[] {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** Syllables of a person's name, reading the first character as a surname ("张伟" → ["zhang", "wei"]). */
export function nameSyllables(name: string): string[] {
  const hit = nameCache.get(name);
  if (hit) return hit;
  const syllables = pinyin(name, { type: 'array', toneType: 'none', surname: 'head', v: true })
    .map((s) => s.toLowerCase());
  return remember(nameCache, name, syllables);
}

/** Syllables of any Han text (company, tag); Latin characters pass through as single letters. */
export function textSyllables(text: string): string[] {
  const hit = textCache.get(text);
  if (hit) return hit;
  const syllables = pinyin(text, { type: 'array', toneType: 'none', v: true }).map((s) => s.toLowerCase());
  return remember(textCache, text, syllables);
}

/**
 * How a query term with Chinese characters may have been meant: each Han character replaced by
 * its full pinyin ("张w" → "zhangw") or by its initial ("张w" → "zw"). Latin letters stay.
 */
export function pinyinVariants(term: string): string[] {
  if (!hasHan(term)) return [];
  let full = '';
  let initials = '';
  for (const run of term.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? []) {
    if (!hasHan(run)) {
      full += run;
      initials += run;
      continue;
    }
    const syllables = full === '' ? nameSyllables(run) : textSyllables(run);
    full += syllables.join('');
    initials += syllables.map((s) => s[0] ?? '').join('');
  }
  // One Chinese character's initial is a single letter ("张" → "z"): as a prefix it would match
  // every z-name (周, 赵, Zoe), which is neither what was meant nor cheap; its full pinyin stays.
  return [...new Set(initials.length > 1 ? [full, initials] : [full])];
}
