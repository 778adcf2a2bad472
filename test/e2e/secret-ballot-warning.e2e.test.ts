import { describe, expect, it } from 'vitest';
import { openPage, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eCoalition, e2eUsers } from './seed.ts';

describe('secret ballots and the audit head (browser)', () => {
  const e2e = useE2e({ demo: false });

  it('warns the secretariat that five members cannot keep a secret ballot, and opens it once acknowledged', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.getByRole('link', { name: 'New decision' }).click();
    await page.getByLabel('Title').fill('Choose the joint spokesperson');
    await page.getByLabel(/^Secret ballot/).check();
    await page.getByRole('button', { name: 'Open the vote' }).click();

    const warning = page.getByTestId('weak-secrecy');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/needs at least 6/);
    expect(page.url()).toContain('/decisions/new');
    await page.getByLabel('I understand; open the secret ballot anyway').check();
    await page.getByRole('button', { name: 'Open the vote' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose the joint spokesperson' }).waitFor();

    // The 422 is the warning being shown; nothing else may log an error.
    expect(unexpectedConsoleErrors(consoleErrors).filter((e) => !e.includes('status of 422'))).toEqual([]);
    await context.close();
  });

  it('shows the audit chain head on the public page', async () => {
    const { page, context } = await openPage(e2e.browser);
    await page.goto(`${e2e.server.url}/public/${e2eCoalition.slug}`);
    const head = page.getByTestId('audit-head');
    await head.waitFor();
    expect(await head.textContent()).toMatch(/[0-9a-f]{64}/);
    expect(await head.textContent()).toMatch(/concord audit verify --head [0-9a-f]{64}@\d+/);
    await context.close();
  });
});
