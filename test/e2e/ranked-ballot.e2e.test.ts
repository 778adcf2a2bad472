import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInAs, signOut, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eDecisions, e2eUsers } from './seed.ts';

const order = (page: Page) => page.locator('.ranked-item .name').allTextContents();

describe('ranked ballot by keyboard (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('orders options by keyboard (drag handle and move buttons) and by mouse, casts, and the count shows its rounds', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.greensDelegate);
    await page.goto(`${e2e.server.url}/decisions`);
    await page.getByRole('link', { name: e2eDecisions.ranked }).click();
    await page.getByRole('heading', { name: 'Unranked' }).waitFor();
    // Nothing is ranked for the delegate: a bare "Cast" must not vote the listed order.
    expect(await order(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cast the ballot' }).click();
    // The confirmation is a modal dialog: focus starts on the safe choice, Escape keeps ranking, and
    // focus returns to the button that opened it.
    const confirmBlank = page.getByRole('dialog', { name: 'Cast a blank ballot?' });
    await confirmBlank.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep ranking');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, cast a blank ballot');
    await page.keyboard.press('Escape');
    await confirmBlank.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cast the ballot');
    expect(await page.getByRole('status').filter({ hasText: 'Recorded' }).count()).toBe(0);
    for (const option of ['Housing', 'Transit', 'Climate jobs', 'Childcare']) {
      await page.getByRole('button', { name: `Rank ${option}` }).click();
    }
    await page.getByRole('list', { name: 'Your ranking' }).waitFor();
    expect(await order(page)).toEqual(['Housing', 'Transit', 'Climate jobs', 'Childcare']);

    // Keyboard drag: pick up "Climate jobs" (rank 3), two steps up, drop. @dnd-kit announces each step.
    // Each step waits for its announcement, as a screen-reader user would hear it.
    const announced = (text: string) =>
      expect
        .poll(() => page.locator('[id^="DndLiveRegion"]').textContent(), { timeout: 10_000 })
        .toContain(text);
    await page.getByRole('button', { name: 'Drag Climate jobs, rank 3' }).focus();
    await page.keyboard.press('Space');
    await announced('Picked up Climate jobs, rank 3 of 4');
    await page.keyboard.press('ArrowUp');
    await announced('Climate jobs would take rank 2');
    await page.keyboard.press('ArrowUp');
    await announced('Climate jobs would take rank 1');
    await page.keyboard.press('Space');
    await announced('Climate jobs dropped at rank 1');
    await expect
      .poll(() => order(page), { timeout: 10_000 })
      .toEqual(['Climate jobs', 'Housing', 'Transit', 'Childcare']);

    // Move buttons keep focus on themselves: Enter twice moves "Housing" from 2 down to 4.
    await page.getByRole('button', { name: 'Move Housing down' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => order(page), { timeout: 10_000 })
      .toEqual(['Climate jobs', 'Transit', 'Housing', 'Childcare']);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => order(page), { timeout: 10_000 })
      .toEqual(['Climate jobs', 'Transit', 'Childcare', 'Housing']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Move Housing down',
    );

    // Leave the last one unranked, then cast with Enter on the submit button.
    await page.getByRole('button', { name: 'Leave Housing unranked' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Rank Housing' }).waitFor();
    // And with the mouse: drag "Childcare" by its handle above "Transit".
    // Mouse coordinates are the viewport's: bring the list into view before measuring it.
    await page.getByRole('list', { name: 'Your ranking' }).scrollIntoViewIfNeeded();
    // The list animates its reordering: measure only once the handle has stopped moving.
    const handleLocator = page.getByRole('button', { name: 'Drag Childcare, rank 3' });
    let handle = await handleLocator.boundingBox();
    for (let settled = 0; settled < 3; ) {
      await page.waitForTimeout(100);
      const next = await handleLocator.boundingBox();
      settled = next && handle && next.y === handle.y && next.x === handle.x ? settled + 1 : 0;
      handle = next;
    }
    const target = await page.getByRole('button', { name: 'Drag Transit, rank 2' }).boundingBox();
    if (!handle || !target) throw new Error('the ranked list is not laid out');
    const from = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x, from.y - 10, { steps: 3 }); // past the 4 px activation distance
    await announced('Picked up Childcare, rank 3 of 3');
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
    await announced('Childcare would take rank 2');
    await page.mouse.up();
    await expect
      .poll(() => order(page), { timeout: 10_000 })
      .toEqual(['Climate jobs', 'Childcare', 'Transit']);

    await page.getByRole('button', { name: 'Cast the ballot' }).focus();
    await page.keyboard.press('Enter');
    const recorded = page.getByRole('status').filter({ hasText: 'Recorded' });
    await recorded.waitFor();
    expect(await recorded.textContent()).toContain('Climate jobs > Childcare > Transit');
    // The first cast is not a change.
    expect(await recorded.textContent()).not.toMatch(/change/i);
    await screenshot(page, 'ranked-ballot-cast');
    // Changing it says so once.
    await page.getByRole('button', { name: 'Leave Transit unranked' }).click();
    await page.getByRole('button', { name: 'Change the ballot' }).click();
    await expect
      .poll(() => recorded.textContent(), { timeout: 10_000 })
      .toContain('Climate jobs > Childcare (changed 1 time)');
    await signOut(page);

    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.getByRole('link', { name: e2eDecisions.ranked }).first().click();
    await page.getByRole('button', { name: 'Close the decision now' }).click();
    await page.getByRole('button', { name: 'Yes, close and count' }).click();
    await page.getByRole('heading', { name: /^Result: / }).waitFor();
    const rounds = page.getByRole('table', { name: 'Votes by round' });
    await rounds.waitFor();
    expect(await rounds.getByRole('columnheader').allTextContents()).toContain('Round 1');
    expect(await page.getByRole('img', { name: /in each of \d+ rounds?/ }).count()).toBe(1);
    await screenshot(page, 'ranked-result');

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
