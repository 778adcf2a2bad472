import { describe, expect, it } from 'vitest';
import { openPage, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eDecisions, e2eUsers } from './seed.ts';

describe('filter bars on the list endpoints’ query schemas (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('members: a choice replaces another, the address fills the selects, and follow the address when it changes under them', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.viewer);
    await page.goto(`${e2e.server.url}/members?kind=movement`);
    const kind = page.getByLabel('Kind', { exact: true });
    await page.getByText('1 organization', { exact: true }).waitFor({ timeout: 8000 });
    expect(await kind.inputValue()).toBe('movement');
    // The options are the query schema's enum, after the empty choice.
    expect((await kind.locator('option').allTextContents())[0]).toBe('Any kind');
    await kind.selectOption('party');
    await page.getByText('3 organizations', { exact: true }).waitFor({ timeout: 8000 });
    expect(new URL(page.url()).search).toBe('?kind=party');
    expect(await kind.inputValue()).toBe('party');
    await page.getByLabel('Search', { exact: true }).fill('greens');
    await page.getByText('1 organization', { exact: true }).waitFor({ timeout: 8000 });
    expect(new URL(page.url()).searchParams.get('q')).toBe('greens');
    // The address changes under the same page (the menu's link, no filter): the fields follow it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await expect.poll(() => kind.inputValue(), { timeout: 8000 }).toBe('');
    expect(await page.getByLabel('Search', { exact: true }).inputValue()).toBe('');
    await page.getByText('7 organizations', { exact: true }).waitFor({ timeout: 8000 });
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it('decisions: the address fills the selects, a choice filters the list and goes to the address', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.viewer);
    await page.goto(`${e2e.server.url}/decisions?phase=open`);
    const list = page.locator('.member-cards');
    await list.getByRole('link', { name: e2eDecisions.open }).waitFor({ timeout: 8000 });
    const phase = page.getByLabel('Phase', { exact: true });
    expect(await phase.inputValue()).toBe('open');
    // The options are the query schema's enum, in its order, after the empty choice.
    expect(await phase.locator('option').allTextContents()).toEqual([
      'Any phase',
      'Scheduled',
      'Open',
      'Closed',
    ]);
    expect(await list.getByRole('link', { name: e2eDecisions.closed }).count()).toBe(0);

    await phase.selectOption('closed');
    await list.getByRole('link', { name: e2eDecisions.closed }).waitFor({ timeout: 8000 });
    expect(await list.getByRole('link', { name: e2eDecisions.open }).count()).toBe(0);
    expect(new URL(page.url()).search).toBe('?phase=closed');
    expect(await phase.inputValue()).toBe('closed');

    await phase.selectOption('');
    await list.getByRole('link', { name: e2eDecisions.open }).waitFor({ timeout: 8000 });
    expect(new URL(page.url()).search).toBe('');
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
