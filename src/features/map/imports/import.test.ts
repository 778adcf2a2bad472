import { readFile } from 'node:fs/promises';
import { type Kysely, sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestCoalition } from '../../../../test/helpers/factories.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import type { Actor } from '../../../core/actor.ts';
import { DomainError } from '../../../core/errors.ts';
import { up as nameRacesInWords } from '../../../db/migrations/2026_12_06_2401_race_names_in_words.ts';
import { prepareDatasets } from '../datasets/dataset-files.ts';
import { loadReferenceData } from '../load.service.ts';
import { listRaceVotes } from '../results.service.ts';
import { importDistricts, importRaces } from './import.service.ts';
import type { ImportProblem } from './problems.ts';

const database = useTestDatabase();
const fixture = (name: string) => readFile(new URL(`../samples/${name}`, import.meta.url), 'utf8');

async function problemsOf(work: Promise<unknown>): Promise<ImportProblem[]> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError) || error.code !== 'import.invalid')
    throw new Error(`expected import.invalid, got ${String(error)}`);
  return error.details?.problems as ImportProblem[];
}

const districtOptions = { kind: 'municipality', parent: 'state:41' };

describe('importing a coalition’s districts and races', () => {
  let actor: Actor;

  beforeAll(async () => {
    const { db } = database();
    await db
      .transaction()
      .execute(async (trx) => loadReferenceData(trx, await prepareDatasets(['us-geography'])));
    const coalition = await createTestCoalition(db);
    actor = { userId: 'test', coalitionId: coalition.id, organizationId: null, role: 'secretariat' };
  });

  const districts = async (
    dryRun: boolean,
    text?: string,
    options: Record<string, string> = districtOptions,
  ) =>
    database()
      .db.transaction()
      .execute(async (trx) =>
        importDistricts(trx, actor, {
          file: 'council-districts.geojson',
          text: text ?? (await fixture('council-districts.geojson')),
          dryRun,
          options,
        }),
      );
  const races = async (dryRun: boolean, text?: string) =>
    database()
      .db.transaction()
      .execute(async (trx) =>
        importRaces(trx, actor, {
          file: 'council-races.csv',
          text: text ?? (await fixture('council-races.csv')),
          dryRun,
        }),
      );
  const ownJurisdictions = () =>
    database()
      .db.selectFrom('jurisdictions')
      .select(['code', 'geometry'])
      .where('coalition_id', '=', actor.coalitionId)
      .orderBy('code')
      .execute();

  it('previews districts without writing, then imports them, then finds nothing to change', async () => {
    const preview = await districts(true);
    expect(preview.changes.jurisdictions).toEqual({ new: 3, changed: 0, unchanged: 0, removed: 0 });
    expect(await ownJurisdictions()).toEqual([]);
    expect((await districts(false)).changes.jurisdictions).toMatchObject({ new: 3 });
    expect((await districts(false)).changes.jurisdictions).toMatchObject({
      new: 0,
      changed: 0,
      unchanged: 3,
    });
    expect((await ownJurisdictions()).map((j) => j.code)).toEqual(['RB-1', 'RB-2', 'RB-3']);
  });

  it('rewinds a counter-clockwise (RFC 7946) ring for d3, and says so', async () => {
    const report = await districts(true);
    expect(report.notes).toContain(
      '1 district(s) were wound counter-clockwise (RFC 7946): rings reversed for d3 and us-atlas',
    );
    const stored = (await ownJurisdictions()).find((j) => j.code === 'RB-2')?.geometry as {
      coordinates: number[][][];
    };
    expect(stored.coordinates[0]?.[1]).toEqual([-123.05, 44.05]);
  });

  it('reads TopoJSON, naming the object when there are several', async () => {
    const topology = JSON.stringify({
      type: 'Topology',
      arcs: [
        [
          [-122.0, 45.0],
          [-122.0, 45.1],
          [-121.9, 45.1],
          [-121.9, 45.0],
          [-122.0, 45.0],
        ],
      ],
      objects: {
        wards: {
          type: 'GeometryCollection',
          geometries: [{ type: 'Polygon', arcs: [[0]], properties: { ID: 7, LABEL: 'Ward 7' } }],
        },
        other: { type: 'GeometryCollection', geometries: [] },
      },
    });
    const options = { kind: 'ward', codeProperty: 'ID', nameProperty: 'LABEL' };
    expect(await problemsOf(districts(true, topology, options))).toEqual([
      {
        file: 'council-districts.geojson',
        row: null,
        field: 'object',
        reason: 'name the TopoJSON object to read (it has: wards, other)',
      },
    ]);
    const report = await districts(true, topology, { ...options, object: 'wards' });
    expect(report.changes.jurisdictions).toMatchObject({ new: 1 });
  });

  it('lists every problem of a bad districts file, with the feature number and field, and imports nothing', async () => {
    const triangle = [
      [
        [0, 0],
        [0, 1],
        [1, 1],
        [0, 0],
      ],
    ];
    const feature = (properties: Record<string, string>, geometry: unknown) => ({
      type: 'Feature',
      properties,
      geometry,
    });
    const polygon = (coordinates: unknown) => ({ type: 'Polygon', coordinates });
    const bad = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ code: 'X-1' }, polygon(triangle)),
        feature({ code: 'X-2', name: 'Two' }, { type: 'Point', coordinates: [0, 0] }),
        feature(
          { code: 'X-3', name: 'Three' },
          polygon([
            [
              [500000, 4000000],
              [500100, 4000000],
              [500100, 4000100],
              [500000, 4000000],
            ],
          ]),
        ),
        feature(
          { code: 'X-4', name: 'Four' },
          polygon([
            [
              [0, 0],
              [0, 1],
              [1, 1],
              [1, 0],
            ],
          ]),
        ),
        feature({ code: 'X-5', name: 'Five' }, polygon(triangle)),
        feature({ code: 'X-5', name: 'Five again' }, polygon(triangle)),
      ],
    });
    const problems = await problemsOf(districts(false, bad, { kind: 'ward', parent: 'state:99' }));
    expect(problems.map((p) => `${p.row} ${p.field}: ${p.reason}`)).toEqual([
      '1 properties.name: expected a name of 1 to 200 characters',
      '2 geometry: geometry type Point: expected Polygon or MultiPolygon',
      '3 geometry: coordinate [500000, 4000000] is outside longitude/latitude: reproject to WGS 84 first',
      '4 geometry: a ring is not closed (its first and last positions differ)',
      '6 properties.code: ward:X-5 already appears as feature 5',
      '5 parent: unknown parent state:99',
    ]);
    const written = await database()
      .db.selectFrom('jurisdictions')
      .select('code')
      .where('code', '=', 'X-5')
      .execute();
    expect(written).toEqual([]);
  });

  it('imports races on its own districts and on reference jurisdictions, then finds nothing to change', async () => {
    const preview = await races(true);
    expect(preview.changes).toMatchObject({
      elections: { new: 1 },
      races: { new: 4 },
      results: { new: 5 },
    });
    expect((await races(false)).changes.races).toMatchObject({ new: 4 });
    const again = await races(false);
    expect(again.changes).toEqual({
      elections: { new: 0, changed: 0, unchanged: 1, removed: 0 },
      jurisdictions: { new: 0, changed: 0, unchanged: 3, removed: 0 },
      races: { new: 0, changed: 0, unchanged: 4, removed: 0 },
      results: { new: 0, changed: 0, unchanged: 5, removed: 0 },
    });
  });

  it('serves the races with votes by party and by ballot line, through the one race-votes call', async () => {
    const { db } = database();
    const election = await db
      .selectFrom('elections')
      .select('id')
      .where('coalition_id', '=', actor.coalitionId)
      .executeTakeFirstOrThrow();
    const votes = await listRaceVotes(db, actor, election.id, { office: 'city_council' });
    expect(votes.map((r) => [r.race.jurisdiction.code, r.votesByParty, r.totalVotes])).toEqual([
      ['RB-1', { DEM: 5850, REP: 3900 }, 10100],
      ['RB-2', { REP: 4800, DEM: 4500 }, 9300],
      ['RB-3', {}, null],
    ]);
    expect(votes[0]?.lines.map((l) => `${l.candidate} ${l.line} ${l.votes}`)).toEqual([
      'Ada Moreno DEMOCRAT 5210',
      'Bo Lindqvist REPUBLICAN 3900',
      'Ada Moreno WORKING FAMILIES 640',
    ]);
    expect(votes[0]?.thirdShare).toBeCloseTo(3.4653, 4);
    // Another coalition (or the public) does not see it at all.
    await expect(listRaceVotes(db, null, election.id)).rejects.toMatchObject({
      code: 'map.election_not_found',
    });
  });

  it('replaces a race’s lines with the file’s: changed, new and removed lines are counted', async () => {
    const text = (await fixture('council-races.csv'))
      .replace('Bo Lindqvist,REP,REPUBLICAN,3900', 'Bo Lindqvist,REP,REPUBLICAN,3950')
      .split('\n')
      .filter((line) => !line.includes('WORKING FAMILIES'))
      .join('\n');
    const preview = await races(true, text);
    expect(preview.changes.results).toEqual({ new: 0, changed: 1, unchanged: 3, removed: 1 });
    await races(false, text);
    const { db } = database();
    const lines = await db
      .selectFrom('result_votes')
      .select(['candidate', 'line', 'votes'])
      .where('coalition_id', '=', actor.coalitionId)
      .where('candidate', 'in', ['Ada Moreno', 'Bo Lindqvist'])
      .orderBy('candidate')
      .execute();
    expect(lines).toEqual([
      { candidate: 'Ada Moreno', line: 'DEMOCRAT', votes: 5210 },
      { candidate: 'Bo Lindqvist', line: 'REPUBLICAN', votes: 3950 },
    ]);
  });

  it('refuses a races file with every problem named, and writes nothing', async () => {
    const problems = await problemsOf(races(false, await fixture('council-races-bad.csv')));
    expect(problems.map((p) => `${p.row} ${p.field}`)).toEqual([
      '2 election_date',
      '3 election',
      '3 office',
      '3 seats',
      '3 filing_deadline',
      '3 votes',
      '4 jurisdiction_kind',
      '4 party',
    ]);
    const unknown = await problemsOf(
      races(
        false,
        'election,election_date,office,jurisdiction_kind,jurisdiction_code\nx-2026,2026-11-03,mayor,municipality,NOWHERE\n',
      ),
    );
    expect(unknown).toEqual([
      {
        file: 'council-races.csv',
        row: 2,
        field: 'jurisdiction_code',
        reason:
          'unknown jurisdiction municipality:NOWHERE: import it as a district first, or give jurisdiction_name to create it',
      },
    ]);
    const elections = await database()
      .db.selectFrom('elections')
      .select('slug')
      .where('slug', '=', 'x-2026')
      .execute();
    expect(elections).toEqual([]);
  });

  it('refuses an import from a member’s delegate: staff only', async () => {
    const delegate: Actor = { ...actor, role: 'delegate' };
    await expect(
      database()
        .db.transaction()
        .execute(async (trx) =>
          importRaces(trx, delegate, {
            file: 'x.csv',
            text: await fixture('council-races.csv'),
            dryRun: true,
          }),
        ),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
  });

  it('places a new district in its reference state’s country when the file also names that state', async () => {
    const csv = [
      'election,election_date,office,jurisdiction_kind,jurisdiction_code,jurisdiction_name,parent,candidate,party,votes',
      'oregon-2026,2026-11-03,governor,state,41,,,Ada Moreno,DEM,100',
      'oregon-2026,2026-11-03,city_council,municipality,OR-PDX-1,Portland district 1,state:41,Bo Lindqvist,REP,50',
    ].join('\n');
    await races(false, csv);
    const written = await database()
      .db.selectFrom('jurisdictions')
      .select(['code', 'country'])
      .where('coalition_id', '=', actor.coalitionId)
      .where('code', '=', 'OR-PDX-1')
      .execute();
    expect(written).toEqual([{ code: 'OR-PDX-1', country: 'US' }]);
  });
  it('names races and result sets by the office in words, and renames those stored with the code', async () => {
    const { db } = database();
    const racesOf = () =>
      db
        .selectFrom('races')
        .select('name')
        .where('coalition_id', '=', actor.coalitionId)
        .where('office', '=', 'city_council')
        .orderBy('name')
        .execute();
    const setsOf = () =>
      db
        .selectFrom('result_sets')
        .select('name')
        .where('coalition_id', '=', actor.coalitionId)
        .where('office', '=', 'city_council')
        .where('name', 'like', 'Riverbend%')
        .execute();
    await races(false);
    const named = await racesOf();
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((r) => r.name.startsWith('City council — '))).toBe(true);
    expect(await setsOf()).toEqual([{ name: 'Riverbend municipal election 2026 — City council' }]);
    // As a database written before imports named offices in words held them; one name edited by hand.
    await sql`UPDATE races SET name = replace(name, 'City council — ', 'city_council — ')
      WHERE coalition_id = ${actor.coalitionId} AND office = 'city_council'`.execute(db);
    await sql`UPDATE result_sets SET name = replace(name, 'City council', 'city_council')
      WHERE coalition_id = ${actor.coalitionId} AND office = 'city_council'`.execute(db);
    const [first] = named;
    await sql`UPDATE races SET name = 'Ward one (city_council)'
      WHERE coalition_id = ${actor.coalitionId} AND name = ${first?.name.replace('City council', 'city_council')}`.execute(
      db,
    );
    await nameRacesInWords(db as unknown as Kysely<unknown>);
    expect(await racesOf()).toEqual(
      [...named.slice(1), { name: 'Ward one (city_council)' }].sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
    expect(await setsOf()).toEqual([{ name: 'Riverbend municipal election 2026 — City council' }]);
  });
});
