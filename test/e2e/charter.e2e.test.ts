import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eUsers } from './seed.ts';

describe('charter ratification (browser)', () => {
  const e2e = useE2e({ demo: false });

  it("a chapter's delegate ratifies the charter and the chapter moves to the ratified list", async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.northsideDelegate);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Charter' }).click();
    const notRatified = page.getByRole('region', { name: /^Not ratified/ });
    await notRatified.getByRole('link', { name: 'Riverside Greens – Northside' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Decide together' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Ratify the charter for Riverside Greens – Northside' }).click();
    const ratified = page.getByRole('region', { name: /^Ratified/ });
    await ratified.getByRole('link', { name: 'Riverside Greens – Northside' }).waitFor();
    expect(await notRatified.getByRole('heading').textContent()).toBe('Not ratified (1)');
    expect(await page.getByRole('button', { name: /^Ratify the charter/ }).count()).toBe(0);
    await screenshot(page, 'charter-ratified');

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
