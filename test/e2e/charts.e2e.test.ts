import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resolveCliActor } from '../../src/cli/context.ts';
import type { Db } from '../../src/db/database.ts';
import { demoLogin } from '../../src/demo/demo.service.ts';
import { demoCoalition } from '../../src/demo/step.ts';
import { createPerson } from '../../src/features/supporters/people.service.ts';
import { advancePipeline } from '../../src/features/supporters/pipeline/pipeline.service.ts';
import { addActivity } from '../../src/features/supporters/records.service.ts';
import { personInputSchema } from '../../src/features/supporters/supporters.schema.ts';
import { settledViolations } from './axe.ts';
import { openPage, screenshot, signInAs, unexpectedConsoleErrors, useE2e } from './harness.ts';

const greensDelegate = 'delegate.harbor-greens@demo.concord.example';
const secretariat = 'secretariat@demo.concord.example';

/** The text Plot drew in the chart's SVG (axis ticks, facet labels, bar notes), in document order. */
const chartTexts = (page: Page, figureName: RegExp) =>
  page.getByRole('img', { name: figureName }).locator('svg text').allTextContents();

const tableRows = (page: Page, caption: string) =>
  page
    .getByRole('table', { name: caption })
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')));

/**
 * Two months of moves for the Harbor Greens delegate: in October one person earns a shift and
 * becomes a volunteer; in November a second one does, and the first, with three events, becomes
 * an organizer.
 */
async function seedPipelineMoves(db: Db): Promise<void> {
  const actor = await resolveCliActor(db, demoCoalition.slug, greensDelegate);
  const activity = (personId: string, kind: 'shift' | 'event', occurredOn: string) =>
    db
      .transaction()
      .execute((trx) =>
        addActivity(trx, actor, personId, { kind, occurredOn, label: '', quantity: null, amountCents: null }),
      );
  const person = (firstName: string) =>
    db
      .transaction()
      .execute((trx) =>
        createPerson(trx, actor, personInputSchema.parse({ firstName, lastName: 'Funnel', tags: ['e2e'] })),
      );
  const first = await person('Ada');
  await activity(first.id, 'shift', '2026-10-01');
  await db.transaction().execute((trx) => advancePipeline(trx, actor, new Date('2026-10-15T12:00:00Z')));
  const second = await person('Bea');
  await activity(second.id, 'shift', '2026-11-01');
  for (const day of ['02', '03', '04']) await activity(first.id, 'event', `2026-11-${day}`);
  await db.transaction().execute((trx) => advancePipeline(trx, actor, new Date('2026-11-15T12:00:00Z')));
}

describe('charts (browser)', () => {
  const e2e = useE2e();

  it('draws the results chart with each member’s wins and expected wins, for every role that reads it', async () => {
    for (const email of [demoLogin.email, secretariat, greensDelegate]) {
      const { page, consoleErrors, context } = await openPage(e2e.browser);
      await signInAs(page, e2e.server.url, email, demoLogin.password);
      await page.goto(`${e2e.server.url}/candidates/results`);
      const figure = page.getByRole('img', {
        name: /^Races won and expected wins per member, Michigan House 2026/,
      });
      await figure.locator('svg').waitFor();
      // The figure's name carries the figures (the SVG itself is hidden from screen readers).
      expect(await figure.getAttribute('aria-label')).toBe(
        'Races won and expected wins per member, Michigan House 2026: ' +
          'Harbor Greens won 0 of 1 (0.5 expected); Liberal Forum won 0 of 1 (0.5 expected); ' +
          "Workers' Common Front won 0 of 1 (0.5 expected)",
      );
      const texts = await chartTexts(page, /Michigan House 2026/);
      for (const member of ['Liberal Forum', "Workers' Common Front", 'Harbor Greens'])
        expect(texts).toContain(member);
      expect(texts.filter((t) => t === 'won 0 of 1')).toHaveLength(3);
      expect(texts.filter((t) => t === 'expected 0.5')).toHaveLength(3);
      expect(await tableRows(page, 'Races won and expected wins per member')).toEqual([
        ['Harbor Greens', '1', '0', '0.5'],
        ['Liberal Forum', '1', '0', '0.5'],
        ["Workers' Common Front", '1', '0', '0.5'],
      ]);
      // Races without results are named, not given as codes.
      await page
        .getByText('No results yet for Michigan House 12, Michigan House 13, Michigan House 14.')
        .waitFor();
      expect(await settledViolations(page)).toEqual([]);
      if (email === demoLogin.email) await screenshot(page, 'charts-results');
      expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
      await context.close();
    }
  });

  it('draws the pipeline funnel month by month for a member’s delegate, with the same numbers in a table', async () => {
    await seedPipelineMoves(e2e.server.database.db);
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const { page, consoleErrors, context } = await openPage(e2e.browser, { viewport });
      await signInAs(page, e2e.server.url, greensDelegate, demoLogin.password);
      await page.goto(`${e2e.server.url}/people/pipeline`);
      const name = /^Stage funnel by month, 2026-10 to 2026-11/;
      await page.getByRole('img', { name }).locator('svg').waitFor();
      const texts = await chartTexts(page, name);
      // One small funnel per month (top axis), the stages beyond the first down the side.
      for (const label of ['2026-10', '2026-11', 'volunteer', 'organizer', 'leader'])
        expect(texts).toContain(label);
      const titles = await page.getByRole('img', { name }).locator('svg title').allTextContents();
      expect(titles).toEqual(
        expect.arrayContaining([
          '2026-10, volunteer: 1',
          '2026-10, organizer: 0',
          '2026-11, volunteer: 2',
          '2026-11, organizer: 1',
          '2026-11, leader: 0',
        ]),
      );
      expect(
        await tableRows(page, 'People who had reached each stage by the end of the month (moves that month)'),
      ).toEqual([
        ['2026-10', '1 (+1)', '0 (+0)', '0 (+0)'],
        ['2026-11', '2 (+1)', '1 (+1)', '0 (+0)'],
      ]);
      // At phone width the page itself never scrolls sideways (a wide table scrolls in its region).
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await settledViolations(page)).toEqual([]);
      await screenshot(page, `charts-pipeline-${viewport.width}`);
      expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
      await context.close();
    }
  });

  it('tells coalition staff the pipeline is each member’s own instead of showing a refusal', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, secretariat, demoLogin.password);
    await page.goto(`${e2e.server.url}/people/pipeline`);
    await page.getByText('Each member keeps its own leadership pipeline').waitFor();
    expect(await page.getByRole('img').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Move everyone/ }).count()).toBe(0);
    expect(await settledViolations(page)).toEqual([]);
    expect(unexpectedConsoleErrors(consoleErrors)).toEqual([]);
    await context.close();
  });
});
