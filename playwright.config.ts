// Browser tests against the app stack that scripts/test.ts starts (WEFT_E2E_URL).
// Debian's chromium: `npx playwright install` cannot download on these machines.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  // WEFT_E2E_SPECS=editor-undo,editor-layout: only those spec files (scripts/test.ts runs them all otherwise).
  ...(process.env.WEFT_E2E_SPECS ? { testMatch: process.env.WEFT_E2E_SPECS.split(',').map((name) => `**/${name.trim()}.spec.ts`) } : {}),
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  // list for people, json for the "N passed, N failed" summary of scripts/test.ts.
  reporter: [['list'], ['json', { outputFile: '.weft/test/playwright.json' }]],
  outputDir: '.weft/test/playwright-results',
  use: {
    baseURL: process.env.WEFT_E2E_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
