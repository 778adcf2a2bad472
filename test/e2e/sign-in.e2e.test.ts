import { describe, expect, it } from 'vitest';
import { demoLogin } from '../../src/demo/demo.service.ts';
import { openPage, screenshot, signInAsDemoAdmin, useE2e } from './harness.ts';

describe('sign in (browser)', () => {
  const e2e = useE2e();

  it('refuses a wrong password with a readable message, then signs in and out', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await page.goto(`${e2e.server.url}/`);
    await page.waitForURL(/\/signin$/);

    await page.getByLabel('E-mail').fill(demoLogin.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Wrong e-mail or password.');
    await screenshot(page, 'sign-in-error');

    await signInAsDemoAdmin(page, e2e.server.url);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Common Ground Alliance',
    );
    await screenshot(page, 'dashboard');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin$/);
    // The 401 of the refused sign-in is expected; nothing else may log an error.
    expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });
});
