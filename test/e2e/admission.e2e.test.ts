import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eUsers } from './seed.ts';

describe('application and admission workflow (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('staff record an application, add a figure, and see which admission rules still fail', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.getByRole('link', { name: 'New application' }).click();
    await page.getByLabel('Name').fill('Lakeside Cooperative Alliance');
    await page.getByLabel('Kind').selectOption('movement');
    await page.getByLabel('Declares a left–right position').check();
    await page.getByLabel(/^Position/).fill('0.15');
    await page.getByLabel('Description').fill('Housing and food cooperatives around the lake.');
    await page.getByRole('button', { name: 'Add a plank' }).click();
    await page.getByLabel('Plank 1 title').fill('Cooperatives first');
    await page.getByLabel('Plank 1 text').fill('Public contracts favour member-owned cooperatives.');
    await page.getByRole('button', { name: 'Record the application' }).click();

    await page.getByRole('heading', { level: 1, name: 'Lakeside Cooperative Alliance' }).waitFor();
    expect(await page.getByText('Position +0.15 (centre)').count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Cooperatives first' }).isVisible()).toBe(true);
    const admission = page.getByRole('region', { name: 'Admission' });
    await admission.getByText('does not meet').waitFor();
    expect(await admission.getByRole('listitem').allTextContents()).toEqual([
      '✗ Fails:the current charter ratified: Not ratified',
      'At least one of:✗ Fails:at least 500 members (verified): Has no qualifying figure; needs 500, short by 500',
      '✗ Fails:at least 10,000 votes (dated within 4 years): Has no qualifying figure; needs 10,000, short by 10,000',
    ]);

    await page.getByText('Submit a figure').click();
    await page.getByLabel('Figure', { exact: true }).selectOption('votes');
    await page.getByLabel('Value').fill('12500');
    await page.getByLabel('Source').fill('2026 municipal results');
    await page.getByRole('button', { name: 'Submit figure' }).click();
    await admission.getByText(/at least 10,000 votes \(dated within 4 years\): Has 12,500/).waitFor();
    expect(await admission.getByText(/✓/).count()).toBe(1);
    expect(
      await admission.getByText('The application cannot be put to a vote until the rules pass.').count(),
    ).toBe(1);
    await screenshot(page, 'admission-workflow');

    await page.goto(`${e2e.server.url}/members?status=applicant`);
    await page.getByText('2 organizations').waitFor();
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
