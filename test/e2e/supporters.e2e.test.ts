import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fieldError, openPage, screenshot, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eUsers } from './seed.ts';

const sample = (name: string) =>
  fileURLToPath(new URL(`../../src/features/supporters/samples/${name}`, import.meta.url));

describe('supporters (browser)', () => {
  const e2e = useE2e({ demo: false });
  let personUrl = '';

  it('imports a file with errors (nothing saved, errors by row), then the fixed file', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.greensDelegate);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('link', { name: 'Import a file' }).click();
    await page.getByLabel('CSV file').setInputFiles(sample('with-errors.csv'));
    await page.getByText('Detected format: concord').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const errors = page.getByRole('table', { name: 'Import errors' });
    await errors.waitFor();
    expect(await errors.locator('tbody tr').allTextContents()).toEqual([
      '3email"not-an-email" is not an email address',
      '4phone"12" is not a phone number',
      '5countyno county "Atlantis" in Michigan',
    ]);
    await screenshot(page, 'supporters-import-errors');

    await page.getByLabel('CSV file').setInputFiles(sample('fixed.csv'));
    await page.getByText('Detected format: concord').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported 5 people from fixed.csv.').waitFor();
    expect(await page.getByRole('status', { name: 'Import result' }).textContent()).toContain(
      'same email as row 2',
    );

    await page.goto(`${e2e.server.url}/people`);
    await page.getByRole('status').filter({ hasText: '5 people' }).waitFor();
    await page.getByRole('link', { name: 'Pryce, Edmund' }).click();
    await page.getByRole('heading', { name: 'Edmund Pryce' }).waitFor();
    personUrl = page.url();
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it('merges a duplicate pair and undoes the merge', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.greensDelegate);
    await page.goto(`${e2e.server.url}/people/duplicates`);
    const pair = page
      .getByRole('list', { name: 'Likely duplicates' })
      .getByRole('listitem')
      .filter({ hasText: 'Wilma' });
    await pair.waitFor();
    await pair.getByRole('button', { name: /^Merge/ }).click();
    await page.getByRole('button', { name: 'Undo this merge' }).waitFor();
    await page.goto(`${e2e.server.url}/people`);
    await page.getByRole('status').filter({ hasText: '4 people' }).waitFor();

    await page.goto(`${e2e.server.url}/people/duplicates`);
    await page.getByRole('button', { name: 'Undo this merge' }).click();
    await page
      .getByRole('list', { name: 'Merges' })
      .getByRole('listitem')
      .first()
      .waitFor({ state: 'detached' });
    await page.goto(`${e2e.server.url}/people`);
    await page.getByRole('status').filter({ hasText: '5 people' }).waitFor();
    await screenshot(page, 'supporters-after-undo');
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });

  it("another member's delegate cannot open the person by URL, and staff see counts only", async () => {
    const { page, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.frontDelegate);
    await page.goto(personUrl);
    await page.getByText('No such person in your organization.').waitFor();
    expect(await page.content()).not.toContain('Pryce');
    await context.close();

    const staff = await openPage(e2e.browser);
    await signInAs(staff.page, e2e.server.url, e2eUsers.secretariat);
    await staff.page.goto(`${e2e.server.url}/people`);
    await staff.page.getByRole('heading', { name: 'Supporters across the coalition' }).waitFor();
    expect(await staff.page.getByText('supporters in all').textContent()).toContain('<10');
    await screenshot(staff.page, 'supporters-staff-aggregates');
    await staff.page.goto(personUrl);
    await staff.page
      .getByText(/aggregates/)
      .first()
      .waitFor();
    expect(await staff.page.content()).not.toContain('Pryce');
    await staff.context.close();
  });

  it('searches people, and saves a segment from the schema form: a blank name is refused beside it, tags typed in one box', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.greensDelegate);
    // The people search (its box bound to the list's query schema) narrows the list as typed.
    await page.goto(`${e2e.server.url}/people`);
    await page
      .getByRole('status')
      .filter({ hasText: /^\d+ people$/ })
      .waitFor();
    await page.getByLabel(/^Search: part of a name/).fill('pryce');
    await page.getByRole('status').filter({ hasText: '1 person' }).waitFor();
    expect(await page.getByRole('link', { name: 'Pryce, Edmund' }).count()).toBe(1);

    await page.goto(`${e2e.server.url}/people/segments`);
    const name = page.getByLabel('Name', { exact: true });
    await name.waitFor();
    await page.getByRole('button', { name: 'Save segment' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(page, name)).not.toBe('');

    await name.fill('Housing and transit');
    await page.getByLabel('Any of these tags (comma-separated)').fill(' housing, transit ,');
    await page.getByRole('button', { name: 'Save segment' }).click();
    const saved = page.getByRole('list', { name: 'Segments' }).getByRole('listitem');
    await saved.filter({ hasText: 'Housing and transit' }).waitFor();
    // Imported people tagged housing or transit (fixed.csv): the box was sent as two tags, not one.
    expect(await saved.filter({ hasText: 'Housing and transit' }).textContent()).toMatch(/: [1-9]\d* people/);
    expect(await name.inputValue()).toBe('');
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
