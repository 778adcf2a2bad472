import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eUsers } from './seed.ts';

describe('audit log (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('a viewer reads the verified chain, filters by action and opens an event', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.viewer);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /verified|intact|unbroken/i })
      .waitFor();
    const events = page.locator('.audit-list > li');
    await events.first().waitFor();
    // Newest first, in words, with who acted by name; never "#1" first.
    const seqs = await events.evaluateAll((items) =>
      items.map((item) => Number(/event #(\d+)/.exec(item.textContent ?? '')?.[1])),
    );
    expect(seqs.length).toBeGreaterThan(1);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(await page.getByText(/by .+ \((admin|secretariat|delegate)\)/).count()).toBeGreaterThan(0);

    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Decision closed and counted' });
    await expect.poll(() => events.count(), { timeout: 10_000 }).toBe(1);
    await events.first().getByText('Details and hash').click();
    expect(await events.first().locator('pre').textContent()).toContain('outcome');
    expect(page.url()).toContain('action=decision.closed');

    // Free text: a word of a decision's title finds its events, whatever their action.
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Every action' });
    await page.getByLabel('Search').fill('zzzz-nothing-like-this');
    await page.getByText('No events match.').waitFor();
    await page.getByLabel('Search').fill('secretariat');
    await expect.poll(() => events.count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(page, 'audit-log');

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
