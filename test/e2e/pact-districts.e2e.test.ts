import { describe, expect, it } from 'vitest';
import { resolveCliActor } from '../../src/cli/context.ts';
import { catalog } from '../../src/features/map/index.ts';
import { createPact, RunExecutor, requestRun } from '../../src/features/pacts/index.ts';
import { getPublicCoalition } from '../../src/features/registry/index.ts';
import { openPage, screenshot, signInAs } from './harness.ts';
import { useMapE2e } from './map-data.ts';
import { e2eCoalition, e2eUsers } from './seed.ts';

describe('pact workspace: a House district pact on its shapes (browser)', () => {
  const e2e = useMapE2e(['us-geography', 'us-house-1976-2020']);

  it('draws Michigan’s fourteen 2020 districts, each coloured by its assigned member', async () => {
    const { db } = e2e.server.database;
    const pactId = await db.transaction().execute(async (trx) => {
      const staff = await resolveCliActor(trx, e2eCoalition.slug, e2eUsers.secretariat);
      const [michigan] = (
        await catalog.listJurisdictions(trx, null, { kind: 'state', code: '26', limit: 1, offset: 0 })
      ).items;
      const election = (await catalog.listElections(trx, null, 'US')).find((e) => e.slug.includes('2020'));
      if (!michigan || !election) throw new Error('no Michigan or no 2020 House election');
      const members = (await getPublicCoalition(trx, e2eCoalition.slug)).members.slice(0, 3);
      const pact = await createPact(trx, staff, {
        name: 'Michigan House 2020',
        source: { kind: 'races', electionId: election.id, office: 'us_house', within: [michigan.id] },
        members: members.map((m, i) => ({
          organizationId: m.id,
          parties: [['DEM'], ['GRN'], ['LIB']][i] ?? [],
        })),
      });
      return { pact, staff };
    });
    const { job } = await db
      .transaction()
      .execute((trx) => requestRun(trx, pactId.staff, pactId.pact.id, { mode: 'heuristic' }));
    const executor = new RunExecutor(db);
    await executor.execute(job);
    await executor.close();

    const { page, context } = await openPage(e2e.browser);
    await signInAs(page, e2e.server.url, e2eUsers.secretariat);
    await page.goto(`${e2e.server.url}/pacts/${pactId.pact.id}`);
    await page.getByRole('heading', { level: 1, name: 'Michigan House 2020' }).waitFor();
    await page.locator('.us-map .map-place').first().waitFor();
    const ids = await page
      .locator('.us-map .map-place')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids.sort()).toEqual(Array.from({ length: 14 }, (_, i) => `MI-${i + 1}`).sort());
    const fills = await page
      .locator('.us-map .map-place')
      .evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
    expect(fills.every((f) => f !== null && f !== '')).toBe(true);
    await screenshot(page, 'pact-districts-map');
    await context.close();
  }, 240_000);
});
