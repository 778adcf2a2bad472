import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { openPage, screenshot, signInAs, unexpectedConsoleErrors } from './harness.ts';
import { useMapE2e } from './map-data.ts';
import { e2eUsers } from './seed.ts';

const table = (page: Page) => page.getByRole('region', { name: 'Constituencies' });

/** The numbers of one column, in row order ("60.6%" and "53,672" read as 60.6 and 53672; "—" as 0). */
async function columnValues(page: Page, column: number): Promise<number[]> {
  const cells = await table(page).locator(`tbody tr td:nth-of-type(${column})`).allInnerTexts();
  return cells.map((text) => Number(text.replace(/[,%]/g, '')) || 0);
}

const isSorted = (values: number[], descending: boolean) =>
  values.every((v, i) => i === 0 || (descending ? (values[i - 1] ?? v) >= v : (values[i - 1] ?? v) <= v));

const header = (page: Page, name: RegExp): Locator => table(page).getByRole('columnheader', { name });

describe('French constituencies table (browser)', () => {
  const e2e = useMapE2e(['us-geography', 'fr-legislatives-2024-t1']);

  it('pages through the 577 constituencies, sorts by a column both ways, and searches', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.viewer);
    await page.goto(`${e2e.server.url}/map/france`);
    await page.getByText('577 constituencies').waitFor();
    const rowHeaders = table(page).locator('tbody th');
    // A hundred rows a page: Next walks through all 577, each constituency once.
    const pager = page.getByRole('navigation', { name: 'Constituency pages' });
    expect(await rowHeaders.count()).toBe(100);
    expect(await rowHeaders.first().textContent()).toMatch(/^Ain, 1re circonscription 0101/);
    const seen = new Set<string>();
    for (let pages = 1; ; pages += 1) {
      for (const name of await rowHeaders.allTextContents()) seen.add(name.replace(/\d+ candidates?$/, ''));
      const next = pager.getByRole('button', { name: 'Next' });
      if (await next.isDisabled()) {
        expect(pages).toBe(6);
        break;
      }
      await next.click();
      await pager.getByText(`${pages * 100 + 1}–`).waitFor();
    }
    expect(seen.size).toBe(577);
    await pager.getByRole('button', { name: 'Previous' }).click();
    await pager.getByText('401–500 of 577').waitFor();
    expect(await header(page, /^Constituency/).getAttribute('aria-sort')).toBe('ascending');

    await header(page, /^Valid votes/)
      .getByRole('button')
      .click();
    // A new order starts again at its first page.
    await pager.getByText('1–100 of 577').waitFor();
    expect(await header(page, /^Valid votes/).getAttribute('aria-sort')).toBe('descending');
    expect(await header(page, /^Constituency/).getAttribute('aria-sort')).toBe('none');
    expect(isSorted(await columnValues(page, 1), true)).toBe(true);
    await header(page, /^Valid votes/)
      .getByRole('button')
      .click();
    expect(await header(page, /^Valid votes/).getAttribute('aria-sort')).toBe('ascending');
    expect(isSorted(await columnValues(page, 1), false)).toBe(true);

    // The nuance columns are the four with the most votes; RN's share sorts largest first.
    const rn = header(page, /^RN/);
    await rn.getByRole('button').click();
    const rnColumn = (await table(page).locator('thead th').allInnerTexts()).findIndex((t) =>
      t.startsWith('RN'),
    );
    const shares = await columnValues(page, rnColumn);
    expect(isSorted(shares, true)).toBe(true);
    expect(shares[0]).toBeGreaterThan(50);
    expect(await table(page).locator('tbody tr').first().getByRole('cell').last().textContent()).toMatch(
      /^Elected: .+ \(RN\)$/,
    );

    await page.getByLabel('Search constituencies').fill('hauts-de-seine');
    await page.getByText('13 of 577 constituencies').waitFor();
    const names = await rowHeaders.allTextContents();
    expect(names.every((name) => name.startsWith('Hauts-de-Seine, '))).toBe(true);
    await table(page)
      .locator('tbody tr')
      .first()
      .getByText(/candidates$/)
      .click();
    expect(await table(page).locator('tbody tr').first().getByRole('listitem').count()).toBeGreaterThan(1);
    await screenshot(page, 'france-search');

    expect(await axeViolations(page)).toEqual([]);
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
