import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInAs, signOut, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eUsers } from './seed.ts';

describe('managing a member (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('staff assign and remove a delegate and edit the profile; a delegate records its withdrawal', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.goto(`${e2e.server.url}/members`);
    await page.getByRole('link', { name: 'Civic Renewal' }).click();
    const delegates = page.getByRole('region', { name: 'Delegates' });
    await delegates.getByRole('button', { name: 'Remove Delegate' }).waitFor();

    await page.getByLabel("Assign a delegate (the user's e-mail)").fill(e2eUsers.viewer);
    await page.getByRole('button', { name: 'Assign delegate' }).click();
    await delegates.getByRole('button', { name: 'Remove Viewer' }).waitFor();
    await delegates.getByRole('button', { name: 'Remove Viewer' }).click();
    await page
      .getByRole('dialog', { name: 'Remove Viewer as a delegate?' })
      .getByRole('button', { name: 'Remove Viewer' })
      .click();
    await delegates.getByRole('button', { name: 'Remove Viewer' }).waitFor({ state: 'detached' });

    await page.getByText('Edit the profile').click();
    await page.getByLabel('Description').fill('Civic renewal through open town halls.');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.getByText('Profile saved.').waitFor();
    await page.locator('article > p', { hasText: 'Civic renewal through open town halls.' }).waitFor();
    await signOut(page);

    await signInAs(page, e2e.server.url, e2eUsers.frontDelegate);
    await page.goto(`${e2e.server.url}/members`);
    await page.getByRole('link', { name: "Workers' Common Front" }).click();
    await page.getByText('Record a withdrawal').click();
    await page.getByLabel('Reason for the record').fill('Congress voted to run alone.');
    await page.getByRole('button', { name: 'Record the withdrawal' }).click();
    await page.getByRole('button', { name: "Yes, Workers' Common Front withdraws" }).click();
    const history = page.getByRole('region', { name: 'Status history' });
    await history.getByText('Member → Withdrawn').waitFor();
    expect(await history.textContent()).toContain('Congress voted to run alone.');
    expect(await page.getByText('Record a withdrawal').count()).toBe(0);
    await screenshot(page, 'member-withdrawn');

    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
