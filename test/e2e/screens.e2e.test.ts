import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveCliActor } from '../../src/cli/context.ts';
import { demoCoalition, demoLogin, loadDemo } from '../../src/demo/demo.service.ts';
import { pactsDemoStep } from '../../src/features/pacts/index.ts';
import { petitionsDemoStep } from '../../src/features/petitions/index.ts';
import { demoEmail, demoSecretariatEmail, registryDemoStep } from '../../src/features/registry/index.ts';
import { supportersDemoStep } from '../../src/features/supporters/index.ts';
import { ticketsDemoStep } from '../../src/features/tickets/index.ts';
import { importResults } from '../../src/features/tickets/results.service.ts';
import { axeViolations, settle } from './axe.ts';
import { screenshotDir, signInAs, unexpectedConsoleErrors } from './harness.ts';
import { useMapE2e } from './map-data.ts';
import { e2eCoalition, e2eDecisions, e2eUsers } from './seed.ts';

const supportersSample = fileURLToPath(
  new URL('../../src/features/supporters/samples/fixed.csv', import.meta.url),
);

/** Results for the demo's three pact seats in Michigan, so the results report has wins to weigh. */
const demoResults = [
  'election,jurisdiction,office,candidate,line,votes',
  'us-2026-coalition,state_legislative_district:MI-HD-12,state_house,Marisol Quinn,Harbor Greens,5200',
  'us-2026-coalition,state_legislative_district:MI-HD-12,state_house,Opp Twelve,Republican,4700',
  "us-2026-coalition,state_legislative_district:MI-HD-13,state_house,Dale Okafor,Workers' Common Front,6100",
  'us-2026-coalition,state_legislative_district:MI-HD-13,state_house,Opp Thirteen,Republican,3900',
  'us-2026-coalition,state_legislative_district:MI-HD-14,state_house,Ivy Brandt,Liberal Forum,4400',
  'us-2026-coalition,state_legislative_district:MI-HD-14,state_house,Opp Fourteen,Republican,4800',
].join('\n');

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
  // The state results too: ballot access computes its signature numbers from them.
  const e2e = useMapE2e(['us-geography', 'us-president-2024-county', 'us-president-2024-state']);

  beforeAll(async () => {
    // The demo's candidates, drives and supporters (the screens added with tickets, ballot access
    // and supporters), and results for its pact seats; not its map datasets, which are slow.
    const { db } = e2e.server.database;
    await loadDemo(db, {
      steps: [registryDemoStep, pactsDemoStep, supportersDemoStep, ticketsDemoStep, petitionsDemoStep],
    });
    await db.transaction().execute(async (trx) => {
      const staff = await resolveCliActor(trx, demoCoalition.slug, demoSecretariatEmail);
      await importResults(trx, staff, { file: 'screens.csv', text: demoResults, dryRun: false });
    });
  }, 240_000);

  // Both themes of a screen are shot on one visit: the theme is CSS only (prefers-color-scheme, no
  // script reads it), so switching the emulated scheme restyles the page as a fresh load in that
  // scheme would, and the suite pays each page load and sign-in once per viewport, not twice.
  it.each(viewports)(
    '$name, light and dark: no axe violation, nothing wider than the viewport',
    async (viewport) => {
      const outDir = join(screenshotDir, 'screens');
      mkdirSync(outDir, { recursive: true });
      const failures: Record<string, string[]> = {};
      const consoleErrors: string[] = [];
      const openContext = async () => {
        const context = await e2e.browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          colorScheme: schemes[0],
        });
        const page = await context.newPage();
        page.on('console', (m) => {
          if (m.type() === 'error') consoleErrors.push(m.text());
        });
        return { context, page };
      };
      const shootOn = async (page: Page, name: string) => {
        await settle(page);
        for (const scheme of schemes) {
          await page.emulateMedia({ colorScheme: scheme });
          const key = `${name}-${viewport.name}-${scheme}`;
          await page.screenshot({ path: join(outDir, `${key}.png`) });
          const violations = await axeViolations(page);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          if (overflow > 0) violations.push(`page wider than the viewport by ${overflow}px`);
          // A map drawn without the map components' styles fills its border lines black over the states.
          const unstyledMaps = await page
            .locator('.map-state-borders')
            .evaluateAll((paths) => paths.filter((p) => getComputedStyle(p).fill !== 'none').length);
          if (unstyledMaps > 0) violations.push(`${unstyledMaps} map(s) drawn without the map styles`);
          if (violations.length > 0) failures[key] = violations;
        }
        // The next screen loads in the first scheme, as a new visitor's would.
        await page.emulateMedia({ colorScheme: schemes[0] });
      };
      /** A screen as the role that uses it, in the demo coalition (its candidates, drives, people). */
      const visit = async (page: Page, name: string, path: string, heading: string | RegExp) => {
        await page.goto(`${e2e.server.url}${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await shootOn(page, name);
      };
      /** Scrolls a section's heading to the top, so the shot shows that part of a long page. */
      const scrollTo = async (page: Page, heading: string) => {
        await page
          .getByRole('heading', { level: 2, name: heading, exact: true })
          .evaluate((h) => h.scrollIntoView({ block: 'start' }));
      };
      {
        const { context, page } = await openContext();
        const shoot = (name: string) => shootOn(page, name);
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
        await context.close();
      }
      {
        // Candidates and ballot access: coalition staff run them.
        const { context, page } = await openContext();
        await signInAs(page, e2e.server.url, demoSecretariatEmail, demoLogin.password);
        await visit(page, 'candidates', '/candidates', 'Candidates');
        await visit(page, 'candidates-results', '/candidates/results', 'Results against the pact');
        await visit(page, 'ballot-access', '/petitions', 'Ballot access');
        await scrollTo(page, 'Deadlines');
        await shootOn(page, 'ballot-calendar');
        await scrollTo(page, 'Requirements');
        await shootOn(page, 'ballot-requirements');
        await page.goto(`${e2e.server.url}/petitions`);
        await page.getByRole('link', { name: 'Colorado ballot line' }).first().click();
        await page.getByRole('heading', { level: 1, name: 'Colorado ballot line' }).waitFor();
        await shootOn(page, 'drive');
        // Staff see supporters only as totals.
        await visit(page, 'people-staff', '/people', 'Supporters across the coalition');
        await context.close();
      }
      {
        // A member's own people, import and pipeline: its delegate.
        const { context, page } = await openContext();
        await signInAs(page, e2e.server.url, demoEmail('Harbor Greens'), demoLogin.password);
        await visit(page, 'people', '/people', 'People');
        // The import wizard with a file chosen (not imported): its detected format and columns.
        await page.goto(`${e2e.server.url}/people/import`);
        await page.getByLabel('CSV file').setInputFiles(supportersSample);
        await page.getByText('Detected format: concord').waitFor();
        await shootOn(page, 'people-import');
        await visit(page, 'pipeline', '/people/pipeline', 'Leadership pipeline');
        await context.close();
      }
      {
        // The public slate card for a state, signed out.
        const { context, page } = await openContext();
        await visit(
          page,
          'public-slate',
          `/public/${demoCoalition.slug}/slate?jurisdiction=state:26`,
          /How to vote for .* in Michigan/,
        );
        await context.close();
      }
      expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
      expect(failures).toEqual({});
    },
    300_000,
  );
});
