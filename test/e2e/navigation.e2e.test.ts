import { describe, expect, it } from 'vitest';
import { settledViolations } from './axe.ts';
import { openPage, signInAs, signOut, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eCoalition, e2eDecisions, e2eSisterCoalition, e2eUsers } from './seed.ts';

describe('navigation: command palette, breadcrumbs, the dashboard to-dos, the branded public site (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('Ctrl-K opens the palette; typing filters, Enter opens the member; breadcrumbs name it', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Jump to' });
    await dialog.waitFor();
    const input = dialog.getByRole('combobox');
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.fill('riverside gr');
    const option = dialog.getByRole('option', { name: /Riverside Greens/ }).first();
    await option.waitFor();
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await settledViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/members\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Riverside Greens' }).waitFor();
    expect(await dialog.count()).toBe(0);

    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect(await crumbs.getByRole('link').allTextContents()).toEqual(['Dashboard', 'Members']);
    expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe('Riverside Greens');

    // A page by name, with the arrow keys: "decis" lists the Decisions page first, then the decisions.
    await page.keyboard.press('Control+k');
    await dialog.getByRole('combobox').fill('common housing');
    await dialog.getByRole('option', { name: new RegExp(e2eDecisions.open) }).waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: e2eDecisions.open }).waitFor();
    expect(await crumbs.getByRole('link').allTextContents()).toEqual(['Dashboard', 'Decisions']);
    expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe(e2eDecisions.open);
    expect(await settledViolations(page)).toEqual([]);

    // Escape closes it and nothing moves.
    await page.keyboard.press('Control+k');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("a delegate's dashboard lists the votes it owes, names on the open ballot, counts only on the secret one", async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.greensDelegate);
    const today = page.getByRole('region', { name: 'What needs you today' });
    const open = today.getByRole('listitem').filter({ hasText: e2eDecisions.open });
    await open.waitFor();
    expect(await open.textContent()).toContain('Your vote is awaited');
    expect(await open.textContent()).toMatch(/Not voted yet: .*Riverside Greens/);
    const secret = today.getByRole('listitem').filter({ hasText: e2eDecisions.secret });
    expect(await secret.textContent()).toContain('secret ballot: names are not shown');
    expect(await secret.textContent()).not.toContain('Riverside Greens');
    expect(await settledViolations(page)).toEqual([]);
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it('the public index lists the coalitions; the admin’s colours brand the public site, axe clean', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await page.goto(`${e2e.server.url}/public`);
    const list = page.getByRole('list', { name: 'Coalitions' });
    await list.getByRole('link', { name: e2eSisterCoalition.name }).waitFor();
    expect(await settledViolations(page)).toEqual([]);

    await signInAs(page, e2e.server.url, e2eUsers.admin);
    await page.getByRole('link', { name: 'Public look' }).click();
    await page.getByLabel('Header colour').fill('#f2c200');
    await page.getByLabel('Accent colour (links, buttons)').fill('#ffdd55');
    await page.getByText(/too light; needs 4.5:1/).waitFor();
    await page.getByRole('button', { name: 'Save the public look' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /contrasts .*:1 with the white page/ })
      .waitFor();
    await page.getByLabel('Accent colour (links, buttons)').fill('#1f6f43');
    await page.getByRole('button', { name: 'Save the public look' }).click();
    await page.getByText('Saved: the public site now shows this look.').waitFor();
    expect(await settledViolations(page)).toEqual([]);
    await signOut(page);

    await page.goto(`${e2e.server.url}/public`);
    await page
      .getByRole('list', { name: 'Coalitions' })
      .getByRole('link', { name: e2eCoalition.name })
      .click();
    await page.getByRole('heading', { level: 1, name: `${e2eCoalition.name}: charter` }).waitFor();
    const header = page.locator('header.public-header');
    // A yellow band takes black text; links on the page take the green accent.
    expect(await header.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(242, 194, 0)');
    expect(await header.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
    expect(await settledViolations(page)).toEqual([]);
    // The one failed request is the refusal of the too-light accent, which the page showed.
    expect(
      unexpectedConsoleErrors(consoleErrors).filter((e) => !/400 .*\/api\/coalition\/branding$/.test(e)),
    ).toEqual([]);
    await context.close();
  });
});
