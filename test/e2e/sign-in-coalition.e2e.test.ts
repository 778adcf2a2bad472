import { describe, expect, it } from 'vitest';
import { openPage, screenshot, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eCoalition, e2ePassword, e2eSisterCoalition, e2eUsers } from './seed.ts';

describe('signing in to one of several coalitions (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('asks which coalition when the account belongs to several, then signs in to the one chosen', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await page.goto(`${e2e.server.url}/signin`);
    await page.getByLabel('E-mail').fill(e2eUsers.twoCoalitions);
    await page.getByLabel('Password').fill(e2ePassword);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const choice = page.getByLabel('Coalition');
    await choice.waitFor();
    expect(await choice.locator('option').allTextContents()).toEqual([
      'Choose one',
      e2eCoalition.slug,
      e2eSisterCoalition.slug,
    ]);
    await screenshot(page, 'sign-in-choose-coalition');
    await choice.selectOption(e2eSisterCoalition.slug);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: e2eSisterCoalition.name }).waitFor();

    // The refusal that listed the coalitions is a 400 the page turned into the choice.
    expect(unexpectedConsoleErrors(consoleErrors).filter((e) => !e.includes('status of 400'))).toEqual([]);
    await context.close();
  });
});
