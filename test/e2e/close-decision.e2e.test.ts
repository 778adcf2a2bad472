import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInAs, signOut, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eDecisions, e2eUsers } from './seed.ts';

describe('closing a decision and reading the result (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('staff close the vote; the result, chart and tally appear; the voter finds its receipt', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.greensDelegate);
    await page.goto(`${e2e.server.url}/decisions`);
    await page.getByRole('link', { name: e2eDecisions.open }).click();
    await page.getByLabel('Yes', { exact: true }).check();
    await page.getByRole('button', { name: 'Cast the ballot' }).click();
    const receipt = await page.locator('code.receipt').textContent();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await signOut(page);

    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    // The staff's home lists an open vote twice (what needs them today, and the open decisions).
    await page.getByRole('link', { name: e2eDecisions.open }).first().click();
    await page.getByRole('button', { name: 'Close the decision now' }).click();
    await page.getByRole('button', { name: 'Yes, close and count' }).click();

    await page.getByRole('heading', { name: 'Result: Passed' }).waitFor();
    // Exact weights are written for reading: "2", not "2.000".
    expect(await page.getByRole('img', { name: /Weighted votes: yes 2, no 1, abstain 0$/ }).count()).toBe(1);
    const tally = page.getByRole('table', { name: 'Full tally' });
    const weights = await tally
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent ?? ''));
    expect(weights.length).toBeGreaterThan(0);
    for (const weight of weights) expect(weight).toMatch(/^\d[\d,]*(\.\d*[1-9])?( \(capped\))?$/);
    expect(await tally.locator('tfoot').textContent()).toContain('yes 2 · no 1 · abstain 0');
    // The chart's names and values are whole: nothing clipped.
    const clipped = await page
      .locator('.chart-label, .chart-value')
      .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).length);
    expect(clipped).toBe(0);
    // Closed before its window ended: the page and the list say it closed early.
    await page.getByText(/Closed early on .* \(the window was to end .*\)/).waitFor();
    expect(await tally.getByRole('row', { name: /Riverside Greens/ }).textContent()).toContain('Yes');
    expect(await tally.getByRole('row', { name: /Open Streets Network/ }).textContent()).toContain(
      'Did not vote',
    );
    expect(await page.getByRole('button', { name: 'Close the decision now' }).count()).toBe(0);

    await page.getByLabel('Receipt code').fill(receipt?.toLowerCase() ?? '');
    await page.getByRole('button', { name: 'Look up' }).click();
    const found = page.getByRole('status').filter({ hasText: 'is in the published list' });
    await found.waitFor();
    expect(await found.textContent()).toContain('Riverside Greens');
    await screenshot(page, 'decision-closed-result');

    await page.getByLabel('Receipt code').fill('0000-0000-0000-0000');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('alert').filter({ hasText: 'No ballot with this receipt' }).waitFor();
    await page.goto(`${e2e.server.url}/decisions`);
    const listed = page.getByRole('listitem').filter({ hasText: e2eDecisions.open });
    expect(await listed.textContent()).toMatch(/Closed early on /);
    expect(await listed.textContent()).not.toMatch(/window ended/);
    // The 404 of the unknown receipt is the answer being shown; nothing else may log an error.
    expect(unexpectedConsoleErrors(consoleErrors).filter((e) => !e.includes('status of 404'))).toEqual([]);
    await context.close();
  });
});
