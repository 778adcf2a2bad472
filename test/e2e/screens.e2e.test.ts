import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, settle } from './axe.ts';
import { screenshotDir, signInAs, unexpectedConsoleErrors } from './harness.ts';
import { useMapE2e } from './map-data.ts';
import { e2eCoalition, e2eDecisions, e2eUsers } from './seed.ts';

const viewports = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const schemes = ['light', 'dark'] as const;

/**
 * Every main screen at 1280×800 and 390×844, light and dark: a screenshot of what is on screen
 * (test-results/screens/, copied to docs/images/screens/ for docs/web.md) and axe on each.
 */
describe('every main screen, desktop and phone, light and dark (browser)', () => {
  const e2e = useMapE2e(['us-geography', 'us-president-2024-county']);

  const cases = viewports.flatMap((viewport) => schemes.map((scheme) => ({ viewport, scheme })));
  it.each(cases)(
    '$viewport.name, $scheme: no axe violation, nothing wider than the viewport',
    async ({ viewport, scheme }) => {
      const outDir = join(screenshotDir, 'screens');
      mkdirSync(outDir, { recursive: true });
      const failures: Record<string, string[]> = {};
      {
        const context = await e2e.browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          colorScheme: scheme,
        });
        const page = await context.newPage();
        const consoleErrors: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') consoleErrors.push(m.text());
        });
        const shoot = async (name: string) => {
          await settle(page);
          const key = `${name}-${viewport.name}-${scheme}`;
          await page.screenshot({ path: join(outDir, `${key}.png`) });
          const violations = await axeViolations(page);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          if (overflow > 0) violations.push(`page wider than the viewport by ${overflow}px`);
          if (violations.length > 0) failures[key] = violations;
        };
        await page.goto(`${e2e.server.url}/signin`);
        await shoot('signin');
        await page.goto(`${e2e.server.url}/public`);
        await shoot('public-index');
        await page.goto(`${e2e.server.url}/public/${e2eCoalition.slug}`);
        await shoot('public-site');
        await signInAs(page, e2e.server.url, e2eUsers.secretariat);
        for (const [name, path] of [
          ['dashboard', '/'],
          ['members', '/members'],
          ['decisions', '/decisions'],
          ['charter', '/charter'],
          ['audit', '/audit'],
          ['map', '/map'],
          ['pacts', '/pacts'],
        ] as const) {
          await page.goto(`${e2e.server.url}${path}`);
          await shoot(name);
        }
        await page.goto(`${e2e.server.url}/decisions`);
        await page.getByRole('link', { name: e2eDecisions.closed }).click();
        await page.getByRole('heading', { name: /^Result: / }).waitFor();
        await shoot('decision-result');
        await page.keyboard.press('Control+k');
        await page.getByRole('dialog', { name: 'Jump to' }).getByRole('combobox').fill('riv');
        await page
          .getByRole('option', { name: /Riverside Greens/ })
          .first()
          .waitFor();
        await shoot('palette');
        await page.keyboard.press('Escape');
        if (viewport.name === 'phone') {
          await page.getByRole('button', { name: 'Menu' }).click();
          await shoot('menu-open');
        }
        expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
        await context.close();
      }
      expect(failures).toEqual({});
    },
    300_000,
  );
});
