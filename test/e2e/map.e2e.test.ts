import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { openPage, screenshot, signInAs, unexpectedConsoleErrors } from './harness.ts';
import { useMapE2e } from './map-data.ts';
import { e2eUsers } from './seed.ts';

/** us-atlas's counties-10m has 3,142 county shapes (3,143 counties less Kalawao's own, drawn with Maui). */
const countyShapes = 3142;

/** The tooltip's lines: the place's name, then its figures. */
const tooltipLines = (page: Page) => page.locator('.map-tooltip > *').allTextContents();

const fillsOf = (page: Page) =>
  page.locator('.us-map .map-place').evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));

describe('US map (browser)', () => {
  const e2e = useMapE2e(['us-geography', 'us-president-2024-county', 'us-president-2020-county']);

  it('draws the counties by lean, with a tooltip on hover and focus, a panel on click, and recolours per result set', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.viewer);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Map' }).click();
    await page.getByRole('heading', { level: 1, name: 'Electoral map' }).waitFor();
    await page.getByText('Showing US President 2024 by county (tonmcg)').waitFor();
    const places = page.locator('.us-map .map-place');
    expect(await places.count()).toBe(countyShapes);
    // Alaska's boroughs, Connecticut's old counties and Kalawao show the statewide figure, hatched.
    expect(await page.locator('.us-map .map-hatch').count()).toBe(38);
    expect(await page.getByText('Statewide figure (not reported for this county)').isVisible()).toBe(true);
    await screenshot(page, 'map-counties');

    const sanFrancisco = page.locator('.us-map [data-id="06075"]');
    await sanFrancisco.hover();
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    const [name, lean, margin] = await tooltipLines(page);
    expect([name, lean, margin?.slice(0, 8)]).toEqual([
      'San Francisco, CA',
      expect.stringMatching(/^Lean D\+\d+\.\d$/),
      'Margin D',
    ]);
    await screenshot(page, 'map-tooltip');

    await page.locator('.us-map [data-id="02275"]').hover();
    const wrangell = await tooltipLines(page);
    expect(wrangell[0]).toBe('Wrangell, AK');
    expect(wrangell[1]).toMatch(/^Lean R\+\d+\.\d \(statewide figure\)$/);
    expect(wrangell.at(-1)).toMatch(/^Alaska reports by State House district/);

    await sanFrancisco.click();
    const panel = page.getByRole('complementary', { name: 'San Francisco, CA' });
    await panel.waitFor();
    const results = panel.getByRole('region', { name: 'Races and results in San Francisco, CA' });
    await results.getByRole('rowheader', { name: 'President — California, 2024' }).waitFor();
    expect(await results.getByRole('rowheader').allInnerTexts()).toEqual([
      'President — California, 2024',
      'President — California, 2020',
    ]);
    expect(page.url()).toContain('place=06075');
    await screenshot(page, 'map-panel');

    const before = await fillsOf(page);
    const leanBefore = await panel.locator('dd').first().textContent();
    await page.getByLabel('Result set').selectOption({ label: 'US President 2020 by county (tonmcg)' });
    await page.getByText('Showing US President 2020 by county (tonmcg)').waitFor();
    const after = await fillsOf(page);
    expect(after).toHaveLength(countyShapes);
    const recoloured = after.filter((fill, i) => fill !== before[i]).length;
    expect(recoloured).toBeGreaterThan(300);
    expect(await panel.locator('dd').first().textContent()).not.toBe(leanBefore);
    expect(page.url()).toContain('set=us-president-2020-county');
    await screenshot(page, 'map-2020');

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it('says when a shared link names a result set the data does not hold, and offers the default map', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.viewer);
    await page.goto(`${e2e.server.url}/map?set=us-president-1812-county`);
    await page
      .getByText('The result set “us-president-1812-county” in this link is not in the map data.')
      .waitFor();
    await page.getByRole('button', { name: 'Show the default map' }).click();
    await page.getByText('Showing US President 2024 by county (tonmcg)').waitFor();
    expect(page.url()).not.toContain('1812');
    // The one failed resource is the refused shapes request for the unknown set.
    expect(
      unexpectedConsoleErrors(consoleErrors).filter((e) => !/status of 404 .*set=us-president-1812/.test(e)),
    ).toEqual([]);
    await context.close();
  });

  it('works by keyboard: focus shows the tooltip, arrows move, Enter opens the panel, search finds a county', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.viewer);
    await page.goto(`${e2e.server.url}/map`);
    await page.getByText('Showing US President 2024 by county (tonmcg)').waitFor();

    // The map search (the server's place search) lists places by name.
    await page.getByLabel('Find a county').fill('los angeles');
    await page.getByRole('option', { name: /^Los Angeles County, California/ }).click();
    const heading = page.getByRole('heading', { level: 2, name: 'Los Angeles, CA' });
    await heading.waitFor();
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);

    // The chosen county is the map's one tab stop: Tab from the search field lands on it.
    expect(await page.locator('.us-map [tabindex="0"]').count()).toBe(1);
    await page.getByLabel('Find a county').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('06037');
    expect((await tooltipLines(page)).slice(0, 1)).toEqual(['Los Angeles, CA']);
    await page.keyboard.press('ArrowRight');
    const moved = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
    expect(moved).toMatch(/^(06|04|32)\d{3}$/);
    expect(moved).not.toBe('06037');
    const name = (await tooltipLines(page))[0] ?? '';
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name }).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    // Focus goes back to the county once the panel has unmounted (a render later, not at the click).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-id')), { timeout: 5_000 })
      .toBe(moved);
    await screenshot(page, 'map-keyboard');

    expect(await axeViolations(page)).toEqual([]);
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it('fits a phone (390×844) without sideways scrolling', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser, {
      viewport: { width: 390, height: 844 },
    });
    await signInAs(page, e2e.server.url, e2eUsers.viewer);
    await page.goto(`${e2e.server.url}/map?place=06075`);
    await page.getByRole('heading', { level: 2, name: 'San Francisco, CA' }).waitFor();
    await page.getByRole('rowheader', { name: 'President — California, 2024' }).waitFor();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await screenshot(page, 'map-phone');
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
