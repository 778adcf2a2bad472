import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { fieldError, openPage, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';
import { e2eUsers } from './seed.ts';

describe('forms on the shared schemas (browser)', () => {
  const e2e = useE2e({ demo: false });

  it("shows the client schema's error and the server's on the field, and a toast after the write", async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.goto(`${e2e.server.url}/members/apply`);
    const name = page.getByLabel('Name', { exact: true });
    await name.waitFor();

    // Client side: the contract's body schema refuses a position beyond +1 before anything is sent.
    let posted = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/organizations')) posted += 1;
    });
    await name.fill('Valley Commons');
    await page.getByLabel('Declares a left–right position').check();
    const position = page.getByLabel(/^Position/);
    await position.fill('3');
    await page.getByRole('button', { name: 'Record the application' }).click();
    await expect.poll(() => position.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(page, position)).toBe('Must be 1 or less');
    expect(posted).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('number');

    // Server side: a name already registered is refused by the service; the refusal names the field.
    await position.fill('0.2');
    await name.fill('Riverside Greens');
    await page.getByRole('button', { name: 'Record the application' }).click();
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldError(page, name)).toBe(
      'An organization named "Riverside Greens" is already registered.',
    );
    expect(posted).toBe(1);
    expect(await position.getAttribute('aria-invalid')).toBeNull();
    // Field errors, hints and optional markers keep the form clean for axe (WCAG 2.1 AA).
    expect(await axeViolations(page)).toEqual([]);

    // A successful write says so in a toast (a polite live region), then the new member's page opens.
    await name.fill('Valley Commons');
    await page.getByRole('button', { name: 'Record the application' }).click();
    const notifications = page.getByRole('region', { name: 'Notifications' });
    await notifications.getByText('Application of Valley Commons recorded.').waitFor();
    expect(await notifications.getByRole('status').getAttribute('aria-live')).toBe('polite');
    await page.getByRole('heading', { name: 'Valley Commons' }).waitFor();

    // The 409 of the taken name is the answer being shown; nothing else may log an error.
    expect(unexpectedConsoleErrors(consoleErrors).filter((e) => !e.includes('status of 409'))).toEqual([]);
    await context.close();
  });
});
