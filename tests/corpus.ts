import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where the shared test corpus lives: $CARDFILE_CORPUS, else ../shared/corpus beside the
 * repo, else /work/shared/corpus. Tests that need it skip visibly when it is absent.
 */
function findCorpus(): string | undefined {
  const candidates = [
    process.env.CARDFILE_CORPUS,
    path.resolve(__dirname, '..', '..', 'shared', 'corpus'),
    '/work/shared/corpus',
  ].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p));
}

export const corpusDir = findCorpus();
export const hasCorpus = corpusDir !== undefined;

/** Absolute path of a corpus file; only call inside a suite guarded by `hasCorpus`. */
export function corpusPath(...parts: string[]): string {
  if (!corpusDir) throw new Error('shared corpus not found');
  return path.join(corpusDir, ...parts);
}

if (!hasCorpus) {
  console.warn('[cardfile] ../shared/corpus not found: corpus tests are SKIPPED. Set CARDFILE_CORPUS to run them.');
}
