import { describe, expect, it } from 'vitest';
import { demoCoalition } from '../../src/demo/demo.service.ts';
import { openPage, signInAsDemoAdmin, unexpectedConsoleErrors, useE2e } from './harness.ts';

/**
 * The Content Security Policy is only worth having if the app passes it: every page of the built
 * app, signed in and public, and the API documentation, load with no policy violation.
 */
describe('security headers (browser)', () => {
  const e2e = useE2e();

  it('loads every page of the built app and /docs under the CSP with no violation', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (event) => {
        seen.push(
          `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
    const violations = async () =>
      page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

    const first = await page.goto(`${e2e.server.url}/signin`);
    const headers = first?.headers() ?? {};
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('same-origin');

    await signInAsDemoAdmin(page, e2e.server.url);
    const paths = ['/', '/members', '/decisions', '/decisions/new', '/map', '/pacts', '/charter', '/audit'];
    for (const path of paths) {
      await page.goto(`${e2e.server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      expect({ path, violations: await violations() }).toEqual({ path, violations: [] });
    }
    await page.goto(`${e2e.server.url}/public/${demoCoalition.slug}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await violations()).toEqual([]);

    await page.goto(`${e2e.server.url}/docs`);
    await page.getByText('Concord API').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    expect(unexpectedConsoleErrors(consoleErrors).filter((e) => /Content Security Policy/i.test(e))).toEqual(
      [],
    );
    await context.close();
  });
});
