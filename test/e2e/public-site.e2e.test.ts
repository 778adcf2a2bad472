import { describe, expect, it } from 'vitest';
import { openPage, screenshot, useE2e } from './harness.ts';
import { e2eCoalition } from './seed.ts';

describe('public site (browser, no sign-in)', () => {
  const e2e = useE2e({ demo: false });

  it('shows the charter and the members without a session, and no applicant', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await page.goto(`${e2e.server.url}/public`);
    await page
      .getByRole('list', { name: 'Coalitions' })
      .getByRole('link', { name: e2eCoalition.name })
      .click();

    await page.getByRole('heading', { level: 1, name: `${e2eCoalition.name}: charter` }).waitFor();
    expect(await page.getByRole('heading', { name: 'Decide together' }).isVisible()).toBe(true);
    expect(page.url()).toBe(`${e2e.server.url}/public/${e2eCoalition.slug}`);
    await screenshot(page, 'public-charter');

    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { level: 1, name: `Members of ${e2eCoalition.name}` }).waitFor();
    const names = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(names).toContain('Riverside Greens');
    expect(names).toContain('Riverside Greens – Northside');
    expect(names).not.toContain('Valley Farmers League');
    await page.getByText('Platform (1 plank)').first().click();
    await screenshot(page, 'public-members');

    await page.goto(`${e2e.server.url}/public/no-such-coalition`);
    await page.getByRole('alert').waitFor();
    // Anonymous pages never ask for a session: not even the expected 401 may appear here,
    // only the 404 of the unknown coalition.
    expect(consoleErrors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    await context.close();
  });
});
