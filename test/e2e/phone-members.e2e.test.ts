import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eUsers } from './seed.ts';

describe('member directory on a phone (browser, 390×844)', () => {
  const e2e = useE2e({ demo: false });

  it('filters, searches and opens a member without horizontal scrolling', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser, {
      viewport: { width: 390, height: 844 },
    });
    await signInAs(page, e2e.server.url, e2eUsers.viewer);
    // On a phone the navigation folds behind the Menu button, so it takes no room until asked for.
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Members' }).click();
    await nav.waitFor({ state: 'hidden' });
    await page.getByText('7 organizations').waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-members');

    await page.getByLabel('Kind').selectOption('party');
    await page.getByText('3 organizations').waitFor();
    await page.getByLabel('Position').selectOption('right');
    await page.getByText('1 organization').waitFor();
    expect(page.url()).toContain('kind=party');
    await page.getByLabel('Position').selectOption('');
    await page.getByLabel('Kind').selectOption('');
    await page.getByLabel('Search').fill('greens');
    await page.getByText('2 organizations').waitFor();
    await page.getByLabel('Status').selectOption('applicant');
    await page.getByText('0 organizations').waitFor();
    await page.getByLabel('Status').selectOption('');
    await page.getByText('2 organizations').waitFor();

    await page.getByRole('link', { name: 'Riverside Greens', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside Greens' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Strength evidence' }).isVisible()).toBe(true);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-member');

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
