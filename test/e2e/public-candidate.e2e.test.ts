import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { openPage, screenshot } from './harness.ts';
import { useMapE2e } from './map-data.ts';
import { e2eCoalition } from './seed.ts';

describe('public "find the coalition’s candidate" (browser, no sign-in)', () => {
  const e2e = useMapE2e(['us-geography', 'us-president-2024-state', '538-partisan-lean-2022']);

  it('looks a county up: state, then county, then its races', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser, {
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`${e2e.server.url}/public/${e2eCoalition.slug}`);
    await page.getByRole('link', { name: 'Find your candidate' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find the coalition’s candidate' }).waitFor();
    expect(await page.getByLabel('County').isDisabled()).toBe(true);

    await page.getByLabel('State').selectOption({ label: 'Wyoming' });
    await page.getByLabel('County').selectOption({ label: 'Laramie' });
    const races = page.getByRole('region', { name: 'Races for Laramie, Wyoming', exact: true });
    await races.waitFor();
    expect(page.url()).toContain('state=56&county=56021');
    expect(await races.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'President — Wyoming',
      'U.S. House — WY-AL',
      'County organizing zone',
    ]);
    const president = races.getByRole('listitem').filter({ hasText: 'President — Wyoming' });
    expect(await president.getByRole('definition').allTextContents()).toEqual([
      'Wyoming (statewide)',
      expect.stringMatching(/^2024: TRUMP, DONALD J\. \d+\.\d%, HARRIS, KAMALA D\. \d+\.\d%$/),
      'No coalition candidate announced',
    ]);
    expect(await races.getByText('No coalition candidate announced').count()).toBe(3);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await screenshot(page, 'public-candidate-phone');

    // A state with several seats: the data cannot tell which cover the county, and says so.
    await page.getByLabel('State').selectOption({ label: 'Michigan' });
    expect(await page.getByLabel('County').inputValue()).toBe('');
    await page.getByLabel('County').selectOption({ label: 'Washtenaw' });
    await page.getByRole('heading', { level: 2, name: 'Races for Washtenaw, Michigan' }).waitFor();
    await page.getByText(/^U\.S\. House: \d+ districts in Michigan$/).click();
    await page
      .getByText('The map data does not yet say which of these districts cover Washtenaw.', { exact: false })
      .waitFor();
    expect(await page.locator('.seat-list li').first().textContent()).toBe('Michigan district 1 (MI-1)');
    await screenshot(page, 'public-candidate-districts');

    // The address keeps the choice: a shared link opens the same county.
    await page.goto(`${e2e.server.url}/public/${e2eCoalition.slug}/candidates?state=56&county=56021`);
    await page.getByRole('heading', { level: 2, name: 'Races for Laramie, Wyoming' }).waitFor();

    expect(await axeViolations(page)).toEqual([]);
    // Anonymous pages never ask for a session, so no console error at all is expected.
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
