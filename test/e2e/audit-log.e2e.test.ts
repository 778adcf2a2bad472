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
    expect(await events.first().textContent()).toContain('#1');

    await page.getByLabel('Action (exact name)').fill('decision.closed');
    await expect.poll(() => events.count(), { timeout: 10_000 }).toBe(1);
    await events.first().getByText('Payload and hash').click();
    expect(await events.first().locator('pre').textContent()).toContain('outcome');
    expect(page.url()).toContain('action=decision.closed');
    await screenshot(page, 'audit-log');

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
