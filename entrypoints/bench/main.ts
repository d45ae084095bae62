import { createBench, type CardfileBench } from '../../scripts/bench/page/api';

declare global {
  interface Window { cardfileBench?: CardfileBench }
}

// Built only with CARDFILE_BENCH=1 (see wxt.config.ts): scripts/bench.mjs drives it through Playwright.
window.cardfileBench = createBench();
