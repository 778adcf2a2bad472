import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { checkDatasets } from './data-check.ts';
import { compareCountyToState } from './datasets/consistency.ts';
import { type PreparedDataset, prepareDatasets } from './datasets/dataset-files.ts';
import { atlasUnits, readAtlas } from './datasets/us-atlas.ts';
import { usStates } from './datasets/us-states.ts';
import { listDatasetIssues } from './datasets.service.ts';
import { loadReferenceData } from './load.service.ts';
import { listRaceVotes } from './results.service.ts';
import { usShapes } from './shapes.service.ts';

/**
 * The whole shipped 2024 county file against MEDSL's official 2024 state totals, and against every
 * county us-atlas draws: through the parsers, the loader, the database and the map service.
 */
const database = useTestDatabase();
const ids = ['us-geography', 'us-president-2024-county', 'us-president-2024-state'];
const statesAndDc = usStates.filter((s) => !s.territory);

describe('the full 2024 county file', () => {
  let prepared: PreparedDataset[];

  beforeAll(async () => {
    prepared = await prepareDatasets(ids);
    await database()
      .db.transaction()
      .execute((trx) => loadReferenceData(trx, prepared));
  });

  const bundleOf = (id: string) => {
    const found = prepared.find((p) => p.definition.id === id);
    if (!found) throw new Error(`${id} not prepared`);
    return found.bundle();
  };

  it('sums by state to within 1% of the official state totals, for every state and DC', () => {
    const states = compareCountyToState(
      bundleOf('us-president-2024-county'),
      'us-president-2024-county',
      bundleOf('us-president-2024-state'),
      'us-president-2024-state',
    );
    expect(states.map((s) => s.state).sort()).toEqual(statesAndDc.map((s) => s.usps).sort());
    for (const state of states) {
      expect.soft(state.demDiff, `${state.state} Democratic votes`).toBeLessThan(0.01);
      expect.soft(state.repDiff, `${state.state} Republican votes`).toBeLessThan(0.01);
    }
    expect(checkDatasets(prepared).totals).toEqual([
      expect.objectContaining({ year: 2024, states: 51, outside: [] }),
    ]);
  });

  it('agrees with the state totals once loaded, as the map aggregates it from the database', async () => {
    const { db } = database();
    const shapes = await usShapes(db, null, {
      level: 'state',
      format: 'topojson',
      set: 'us-president-2024-county',
      projection: 'none',
    });
    const topology = JSON.parse(shapes.body());
    const fromCounties = new Map<string, { dem: number; rep: number }>(
      topology.objects.states.geometries.map(
        (g: { id: string; properties: { dem: number; rep: number } }) => [g.id, g.properties],
      ),
    );
    const election = await db
      .selectFrom('elections')
      .select('id')
      .where('slug', '=', 'us-2024-general')
      .executeTakeFirstOrThrow();
    const official = await listRaceVotes(db, null, election.id, { office: 'us_president' });
    expect(official).toHaveLength(51);
    for (const race of official) {
      const counted = fromCounties.get(race.race.jurisdiction.code);
      expect(counted, race.race.name).toBeDefined();
      expect.soft(Math.abs((counted?.dem ?? 0) - race.dem) / race.dem, race.race.name).toBeLessThan(0.01);
      expect.soft(Math.abs((counted?.rep ?? 0) - race.rep) / race.rep, race.race.name).toBeLessThan(0.01);
    }
  });

  it('joins every us-atlas county or lists it as unmapped with a reason, never both', async () => {
    const { db } = database();
    const atlas = atlasUnits((await readAtlas('counties-10m')).topology.objects.counties);
    const shapes = await usShapes(db, null, {
      level: 'county',
      format: 'geojson',
      set: 'us-president-2024-county',
      projection: 'none',
    });
    const features: Array<{ id: string; properties: { leanLevel: string | null; note: string | null } }> =
      JSON.parse(shapes.body()).features;
    expect(features).toHaveLength(atlas.length);
    const issues = await listDatasetIssues(db, 'us-president-2024-county', { limit: 500, offset: 0 });
    const listed = new Map(
      issues.items.filter((i) => i.code.startsWith('atlas.')).map((i) => [i.subject, i]),
    );
    const joined = features.filter((f) => f.properties.leanLevel === 'county').map((f) => f.id);
    const notJoined = features.filter((f) => f.properties.leanLevel !== 'county').map((f) => f.id);

    // DC is joined through its wards (rolled up), and says so.
    expect(listed.get('11001')?.resolution).toBe('rolled_up');
    for (const id of joined)
      if (id !== '11001') expect(listed.has(id), `${id} joined and listed`).toBe(false);
    for (const id of notJoined) {
      expect(listed.get(id)?.resolution, `${id} neither joined nor listed`).toBe('unmapped');
    }
    expect(joined.length + notJoined.length).toBe(atlas.length);
    // The unmapped ones are exactly the known traps: Alaska boroughs, old CT counties, Kalawao, territories.
    const reasons = new Set(notJoined.map((id) => listed.get(id)?.code));
    expect([...reasons].sort()).toEqual([
      'atlas.alaska_borough',
      'atlas.connecticut_old_county',
      'atlas.reported_elsewhere',
      'atlas.territory',
    ]);
    expect(notJoined.filter((id) => id.startsWith('02'))).toHaveLength(29);
    expect(notJoined.filter((id) => id.startsWith('09'))).toHaveLength(8);
  });
});
