import { test as base, expect } from '@playwright/test';
import { watchConsoleErrors } from './helpers';

/**
 * Playwright's `test`, failing a test whose page logged a console error or threw ("no console
 * errors on any page"). A test that causes an error on purpose takes it out of `consoleErrors`.
 * Pages of other browser contexts are watched by the test itself (watchConsoleErrors).
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors = watchConsoleErrors(page);
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * Takes out of `errors` the browser's note of each request the test makes fail on purpose (a
 * refusal the page then shows, like a 400 for a bad filter): `count` of them, no more.
 */
export function acceptRefusals(errors: string[], status: number, count = 1): void {
  for (let i = 0; i < count; i++) {
    const at = errors.findIndex((error) => error.endsWith(`Failed to load resource: the server responded with a status of ${status} (${STATUS_TEXT[status]})`));
    if (at >= 0) errors.splice(at, 1);
  }
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 409: 'Conflict' };
