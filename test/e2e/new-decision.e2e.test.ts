import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eUsers } from './seed.ts';

describe('putting decisions to the vote (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('staff open an approval vote with options and seats; a failing admission is refused with the reason', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.getByRole('link', { name: 'New decision' }).click();
    await page.getByLabel('Title').fill('Pick the two campaign slogans');
    await page.getByLabel('Method').selectOption('approval');
    await page.getByLabel(/^Options, one per line/).fill('Homes for all\nFares down\n\nJobs in our towns');
    await page.getByLabel('Winners (seats)').fill('2');
    await page.getByRole('button', { name: 'Open the vote' }).click();

    await page.getByRole('heading', { level: 1, name: 'Pick the two campaign slogans' }).waitFor();
    const rules = page.getByRole('region', { name: 'How it is decided' });
    expect(await rules.textContent()).toContain('Approval');
    await screenshot(page, 'decision-created');

    // The server judges the admission rules; the form shows its answer as it gives it.
    await page.getByRole('link', { name: 'New decision' }).click();
    await page.getByLabel('Kind').selectOption('admission');
    await page.getByLabel('Title').fill('Admit the Valley Farmers League');
    await page.getByLabel('About').selectOption({ label: 'Valley Farmers League (applicant)' });
    await page.getByRole('button', { name: 'Open the vote' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/admission/i);
    expect(page.url()).toContain('/decisions/new');

    // The 422 is the refusal being shown; nothing else may log an error.
    expect(unexpectedConsoleErrors(consoleErrors).filter((e) => !e.includes('status of 422'))).toEqual([]);
    await context.close();
  });
});
