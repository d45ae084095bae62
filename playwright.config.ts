import { defineConfig } from '@playwright/test';

// The e2e tests load the built extension (.output/chrome-mv3) into real Chromium; `npm test` builds first.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
