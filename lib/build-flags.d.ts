/** True only in the e2e build (wxt.config.ts); lets the bundler drop test hooks from the shipped extension. */
declare const __CARDFILE_E2E__: boolean;
