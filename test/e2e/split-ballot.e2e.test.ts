import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eDecisions, e2eUsers } from './seed.ts';

describe('casting a split ballot by keyboard (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('a delegate splits its weight 70/30 with the keyboard only and gets a receipt', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.greensDelegate);
    await page.goto(`${e2e.server.url}/decisions?phase=open`);
    await page.getByRole('link', { name: e2eDecisions.open }).click();
    await page.getByRole('heading', { name: "Your organization's ballot" }).waitFor();

    // Radio group: the arrow key moves the choice to "split"; Tab walks the fields in order.
    await page.getByLabel('One choice for the whole weight').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel(/Split the weight/).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('split-yes');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('70');
    await expect(page.getByText('the parts must add up to 100%').isVisible()).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('30');
    await page.getByText('Total 100%').waitFor();
    await page.keyboard.press('Tab'); // abstain stays 0
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cast the ballot');
    await page.keyboard.press('Enter');

    const recorded = page.getByRole('status').filter({ hasText: 'Recorded' });
    await recorded.waitFor();
    const text = (await recorded.textContent()) ?? '';
    expect(text).toContain('70% yes, 30% no');
    expect(text).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect(await page.getByRole('button', { name: 'Change the ballot' }).isVisible()).toBe(true);
    await screenshot(page, 'ballot-split-cast');

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
