import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, launchBrowser, openPage, screenshot, startE2eServer } from './harness.ts';
import { e2eCoalition } from './seed.ts';

describe('public site (browser, no sign-in)', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2eServer({ demo: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the charter and the members without a session, and no applicant', async () => {
    const { page, consoleErrors, context } = await openPage(browser);
    await page.goto(`${server.url}/public`);
    await page.getByLabel('Coalition short name').fill(e2eCoalition.slug);
    await page.getByRole('button', { name: 'Open its public page' }).click();

    await page.getByRole('heading', { level: 1, name: `${e2eCoalition.name}: charter` }).waitFor();
    expect(await page.getByRole('heading', { name: 'Decide together' }).isVisible()).toBe(true);
    expect(page.url()).toBe(`${server.url}/public/${e2eCoalition.slug}`);
    await screenshot(page, 'public-charter');

    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { level: 1, name: `Members of ${e2eCoalition.name}` }).waitFor();
    const names = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(names).toContain('Riverside Greens');
    expect(names).toContain('Riverside Greens – Northside');
    expect(names).not.toContain('Valley Farmers League');
    await page.getByText('Platform (1 plank)').first().click();
    await screenshot(page, 'public-members');

    await page.goto(`${server.url}/public/no-such-coalition`);
    await page.getByRole('alert').waitFor();
    // Anonymous pages never ask for a session: not even the expected 401 may appear here,
    // only the 404 of the unknown coalition.
    expect(consoleErrors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    await context.close();
  });
});
