import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx, seedCoalition } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { Actor } from '../../core/actor.ts';
import { allocate } from '../../core/allocate/index.ts';
import { catalog, loadReferenceData, prepareDatasets } from '../map/index.ts';
import { updateOrganization } from '../registry/index.ts';
import { centreRight2024, loadFrance2024Pact } from './france-2024.pact.ts';
import { createPact } from './pacts.service.ts';
import { getPactView } from './read.service.ts';
import { RunExecutor } from './run-executor.ts';
import { requestRun } from './runs.service.ts';
import { getVersion } from './versions.service.ts';

const database = useTestDatabase();

/** Pacts over the shipped public data, read through the map tables as the product does. */
describe('pacts over the electoral map (real data)', () => {
  let executor: RunExecutor;

  beforeAll(async () => {
    const { db } = database();
    const datasets = await prepareDatasets([
      'us-geography',
      'us-president-2024-county',
      'fr-legislatives-2024-t1',
    ]);
    await inTx(db, (trx) => loadReferenceData(trx, datasets));
    executor = new RunExecutor(db);
  }, 120_000);
  afterAll(() => executor.close());

  const runOnce = async (actor: Actor, pactId: string) => {
    const { db } = database();
    const { job } = await inTx(db, (trx) => requestRun(trx, actor, pactId, { mode: 'heuristic' }));
    await executor.execute(job);
    return inTx(db, (trx) => getVersion(trx, actor, pactId));
  };

  it('France 2024, round 1: a centre-right pact over the 577 constituencies beats every member running', async () => {
    const { db } = database();
    const seeded = await seedCoalition(
      db,
      centreRight2024.map((m) => ({ name: `Centre-right ${m.nuance}` })),
    );
    const reference = await loadFrance2024Pact();
    const weightOf = new Map(reference.members.map((m) => [m.id, m.weight]));
    for (const [index, member] of seeded.members.entries()) {
      const position = centreRight2024[index]?.position ?? null;
      await inTx(db, (trx) => updateOrganization(trx, seeded.admin, member.id, { position }));
    }
    const [election] = (await catalog.listElections(db, seeded.admin, 'FR')).filter(
      (e) => e.slug === 'fr-2024-legislatives-t1',
    );
    if (!election) throw new Error('the French election is not loaded');
    const pact = await inTx(db, (trx) =>
      createPact(trx, seeded.secretariat, {
        name: 'Législatives 2024, centre and right',
        source: { kind: 'races', electionId: election.id },
        members: seeded.members.map((member, index) => {
          const nuance = centreRight2024[index]?.nuance ?? '';
          return { organizationId: member.id, parties: [nuance], weight: weightOf.get(nuance) ?? 1 };
        }),
      }),
    );
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pact.id));
    expect(view.raceCount).toBe(577);
    expect(view.races.find((r) => r.key === '7501')?.name).toMatch(/Paris/);

    const version = await runOnce(seeded.secretariat, pact.id);
    const { expectedWins, fairness } = version.result;
    expect(expectedWins.pact).toBeGreaterThan(expectedWins.noPact);
    expect(fairness.entitlementWithinOne).toBe(true);
    expect(Object.values(version.result.assignments).filter((m) => m !== null)).toHaveLength(577);
    // The same what-if read straight from the ministry's file gives the same figures.
    const direct = allocate(reference);
    expect(expectedWins.pact).toBeCloseTo(direct.expectedWins.pact, 4);
    expect(expectedWins.noPact).toBeCloseTo(direct.expectedWins.noPact, 4);
  });

  it('organizing zones: Michigan’s counties shared by presence, from the 2024 presidential results', async () => {
    const { db } = database();
    const seeded = await seedCoalition(db, [
      { name: 'Lakeshore Labor', strength: 900 },
      { name: 'Harbor Greens', strength: 400 },
      { name: 'Upper Peninsula Farmers', strength: 200 },
    ]);
    const homes = [['state:26'], ['county:26163', 'county:26125'], ['county:26103', 'county:26041']];
    for (const [index, member] of seeded.members.entries()) {
      await inTx(db, (trx) =>
        updateOrganization(trx, seeded.admin, member.id, {
          position: -0.5,
          homeJurisdictions: homes[index] ?? [],
        }),
      );
    }
    const [michigan] = (
      await catalog.listJurisdictions(db, seeded.admin, { kind: 'state', code: '26', limit: 1, offset: 0 })
    ).items;
    if (!michigan) throw new Error('Michigan is not loaded');
    const pact = await inTx(db, (trx) =>
      createPact(trx, seeded.secretariat, {
        name: 'Michigan organizing zones',
        source: {
          kind: 'zones',
          parentJurisdictionId: michigan.id,
          zoneKind: 'county',
          resultSet: 'us-president-2024-county',
        },
        members: seeded.members.map((member) => ({ organizationId: member.id, parties: ['DEM'] })),
      }),
    );
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pact.id));
    expect(view).toMatchObject({ kind: 'zones', raceCount: 83, settings: { uncertainty: 0.15 } });
    expect(view.source.warnings).toEqual([]);

    const version = await runOnce(seeded.secretariat, pact.id);
    const wayne = version.input.races.find((race) => race.id === '26163');
    const wayneRow = view.races.find((race) => race.key === '26163');
    if (!wayne || !wayneRow) throw new Error('Wayne County is missing');
    // The coalition's base there is the county's Democratic vote, shared by presence × weight:
    // Harbor Greens is at home (1 × 400), Lakeshore Labor in its state (0.5 × 900), the farmers elsewhere (0.1 × 200).
    const base = wayneRow.votesByParty.DEM ?? 0;
    expect(wayne.votes['harbor-greens']).toBeCloseTo((base * 400) / (400 + 450 + 20), 6);
    expect(wayne.votes['lakeshore-labor']).toBeCloseTo((base * 450) / (400 + 450 + 20), 6);
    expect(wayne.votes['other:REP']).toBe(wayneRow.votesByParty.REP);
    expect(Object.values(version.result.assignments).every((member) => member !== null)).toBe(true);
    expect(version.result.fairness.entitlementWithinOne).toBe(true);
    const seats = version.result.members;
    expect(seats['lakeshore-labor']?.seats).toBeGreaterThan(
      seats['upper-peninsula-farmers']?.seats ?? Infinity,
    );
  });
});
