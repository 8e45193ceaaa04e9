import { expect, test } from '@playwright/test';
import { EDITOR, signIn, watchConsoleErrors, seededPipelineLink } from './helpers';

const PAGES = ['/', '/runs', '/experiments', '/models', '/approvals', '/schedules', '/pools', '/members', '/settings/secrets', '/settings/tokens', '/account'];

/** The page's background lightness, 0 (black) … 1 (white), from the computed colour of <body>. */
const bodyLightness = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const probe = document.createElement('canvas').getContext('2d')!;
    probe.fillStyle = getComputedStyle(document.body).backgroundColor;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });

test('every page opens without a console error, with a favicon; the dark theme is chosen, applied at once and kept', async ({ page }) => {
  const errors = watchConsoleErrors(page);
  await signIn(page, EDITOR);

  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.locator('main, [data-testid="canvas"]').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  await page.goto('/');
  await (await seededPipelineLink(page)).click();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);

  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /icon/);
  const icon = await page.request.get((await page.locator('link[rel="icon"]').getAttribute('href'))!);
  expect(icon.ok()).toBe(true);

  // light by default here (the browser prefers light); dark when chosen, on this page and after a reload
  expect(await bodyLightness(page)).toBeGreaterThan(0.8);
  await page.getByTestId('theme-select').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bodyLightness(page)).toBeLessThan(0.2);
  await expect(page.locator('.react-flow.dark')).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  expect(await bodyLightness(page)).toBeLessThan(0.2);
  await page.screenshot({ path: test.info().outputPath('dark-editor.png') });
  await page.getByTestId('theme-select').selectOption('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(errors).toEqual([]);
});
