import { beforeAll, describe, expect, it } from 'vitest';
import { resolveCliActor } from '../../src/cli/context.ts';
import { demoCoalition, loadDemo } from '../../src/demo/demo.service.ts';
import { getVersion, listPactViews, pactsDemoStep } from '../../src/features/pacts/index.ts';
import { demoSecretariatEmail, registryDemoStep } from '../../src/features/registry/index.ts';
import { axeViolations } from './axe.ts';
import { openPage, screenshot } from './harness.ts';
import { useMapE2e } from './map-data.ts';
import { e2eCoalition } from './seed.ts';

describe('public "find the coalition’s candidate" (browser, no sign-in)', () => {
  const e2e = useMapE2e([
    'us-geography',
    'us-president-2024-state',
    '538-partisan-lean-2022',
    'us-president-2024-county',
    // Every House election from 1976: the district names come from the latest year's seats.
    'us-house-1976-2020',
  ]);
  /** Who the demo's ratified zones pact gives Wayne County to, read from the pact's version. */
  let wayneMember = '';

  beforeAll(async () => {
    // The demo coalition's members and pacts (not the rest of the demo: its eleven datasets are slow).
    const { db } = e2e.server.database;
    await loadDemo(db, { steps: [registryDemoStep, pactsDemoStep] });
    wayneMember = await db.transaction().execute(async (trx) => {
      const staff = await resolveCliActor(trx, demoCoalition.slug, demoSecretariatEmail);
      const zones = (await listPactViews(trx, staff)).find(
        (p) => p.kind === 'zones' && p.status === 'ratified',
      );
      if (!zones) throw new Error('the demo has no ratified zones pact');
      const version = await getVersion(trx, staff, zones.id);
      const key = version.result.assignments['26163'];
      return (key && version.labels.members[key]?.name) || '';
    });
  }, 120_000);

  it('looks a county up: state, then county, then its races', async () => {
    const { page, consoleErrors, context } = await openPage(e2e.browser, {
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`${e2e.server.url}/public/${e2eCoalition.slug}`);
    await page.getByRole('link', { name: 'Find your candidate' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find the coalition’s candidate' }).waitFor();
    expect(await page.getByLabel('County').isDisabled()).toBe(true);

    await page.getByLabel('State').selectOption({ label: 'Wyoming' });
    await page.getByLabel('County').selectOption({ label: 'Laramie' });
    const races = page.getByRole('region', { name: 'Races for Laramie, Wyoming', exact: true });
    await races.waitFor();
    expect(page.url()).toContain('state=56&county=56021');
    expect(await races.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
      'President — Wyoming',
      'U.S. House — Wyoming at-large',
      'County organizing zone',
    ]);
    const president = races.getByRole('listitem').filter({ hasText: 'President — Wyoming' });
    expect(await president.getByRole('definition').allTextContents()).toEqual([
      'Wyoming (statewide)',
      expect.stringMatching(/^2024: TRUMP, DONALD J\. \d+\.\d%, HARRIS, KAMALA D\. \d+\.\d%$/),
      'No coalition candidate announced',
    ]);
    expect(await races.getByText('No coalition candidate announced').count()).toBe(3);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await screenshot(page, 'public-candidate-phone');

    // A county split between districts: its own four (area-based crosswalk, 2020 lines), largest share first, never the state's fourteen.
    await page.getByLabel('State').selectOption({ label: 'Michigan' });
    // The county is cleared when the page takes the new state in (a render later, not at once).
    await expect.poll(() => page.getByLabel('County').inputValue()).toBe('');
    await page.getByLabel('County').selectOption({ label: 'Wayne' });
    const wayne = page.getByRole('region', { name: 'Races for Wayne, Michigan', exact: true });
    await wayne.waitFor();
    const houseCards = (await wayne.getByRole('heading', { level: 3 }).allTextContents()).filter((t) =>
      t.startsWith('U.S. House'),
    );
    expect(houseCards).toEqual([
      'U.S. House — Michigan’s 12th congressional district',
      'U.S. House — Michigan’s 13th congressional district',
      'U.S. House — Michigan’s 11th congressional district',
      'U.S. House — Michigan’s 14th congressional district',
    ]);
    const twelve = wayne
      .getByRole('listitem')
      .filter({ hasText: 'U.S. House — Michigan’s 12th congressional district' });
    expect((await twelve.getByRole('definition').allTextContents())[0]).toBe(
      'Michigan district 12: 41% of Wayne’s area (area-based, 2020 election)',
    );
    expect(await page.locator('.seat-list li').count()).toBe(0);
    await screenshot(page, 'public-candidate-districts');

    // The address keeps the choice: a shared link opens the same county.
    await page.goto(`${e2e.server.url}/public/${e2eCoalition.slug}/candidates?state=56&county=56021`);
    await page.getByRole('heading', { level: 2, name: 'Races for Laramie, Wyoming' }).waitFor();

    expect(await axeViolations(page)).toEqual([]);
    // Anonymous pages never ask for a session, so no console error at all is expected.
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('names the member of a ratified pact: the demo’s organizing zone for Wayne County; drafts stay unnamed', async () => {
    expect(wayneMember).not.toBe('');
    const { page, consoleErrors, context } = await openPage(e2e.browser, {
      viewport: { width: 390, height: 844 },
    });
    await page.goto(`${e2e.server.url}/public/${demoCoalition.slug}/candidates?state=26&county=26163`);
    const races = page.getByRole('region', { name: 'Races for Wayne, Michigan', exact: true });
    await races.waitFor();
    const zone = races.getByRole('listitem').filter({ hasText: 'County organizing zone' });
    const [area, candidate] = await zone.getByRole('definition').allTextContents();
    expect(area).toBe('Wayne, Michigan');
    expect(candidate).toMatch(
      new RegExp(
        `^${wayneMember.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} pact “Michigan organizing zones \\(2024 presidential\\)”, version 1, ratified \\d{1,2} \\w{3} \\d{4}$`,
      ),
    );
    expect(await zone.locator('strong').textContent()).toBe(wayneMember);
    // The House pact is a draft: none of Michigan's seats names a member; no pact covers the statewide race.
    const president = races.getByRole('listitem').filter({ hasText: 'President — Michigan' });
    expect((await president.getByRole('definition').allTextContents()).at(-1)).toBe(
      'No coalition candidate announced',
    );
    for (const seat of ['12th', '13th', '11th', '14th']) {
      const card = races
        .getByRole('listitem')
        .filter({ hasText: `U.S. House — Michigan’s ${seat} congressional district` });
      expect((await card.getByRole('definition').allTextContents()).at(-1)).toBe(
        'No coalition candidate announced',
      );
    }
    await screenshot(page, 'public-candidate-named');
    expect(await axeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
