import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../test/helpers/factories.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { App } from '../../http/types.ts';
import { prepareDatasets } from './datasets/dataset-files.ts';
import { loadReferenceData } from './load.service.ts';

const database = useTestDatabase();
const fixture = (name: string) => readFile(new URL(`./samples/${name}`, import.meta.url), 'utf8');

describe('map API', () => {
  let app: App;
  let staff: TestSession;
  let viewer: TestSession;
  let otherCoalition: TestSession;

  beforeAll(async () => {
    const { db } = database();
    await db
      .transaction()
      .execute(async (trx) =>
        loadReferenceData(
          trx,
          await prepareDatasets([
            'us-geography',
            'us-president-2024-state',
            'fr-legislatives-2024-t1',
            '538-partisan-lean-2022',
          ]),
        ),
      );
    const mine = await createTestCoalition(db, 'Mine');
    const theirs = await createTestCoalition(db, 'Theirs');
    app = await buildTestApp(db);
    staff = await signIn(app, await createTestUser(db, mine.slug, 'secretariat'));
    viewer = await signIn(app, await createTestUser(db, mine.slug, 'viewer'));
    otherCoalition = await signIn(app, await createTestUser(db, theirs.slug, 'admin'));
  });
  afterAll(() => app.close());

  const get = (url: string, session?: TestSession) =>
    session ? injectAs(app, session, { method: 'GET', url }) : app.inject({ method: 'GET', url });
  const electionId = async (slug: string, session?: TestSession) => {
    const elections: Array<{ id: string; slug: string }> = (await get('/api/map/elections', session)).json();
    const found = elections.find((e) => e.slug === slug);
    if (!found) throw new Error(`no election ${slug}`);
    return found.id;
  };

  describe('public reference data (no sign-in)', () => {
    it('lists jurisdictions by kind, a page at a time', async () => {
      const first = await get('/api/map/jurisdictions?kind=state&limit=2');
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ total: 56, limit: 2, offset: 0 });
      expect(first.json().items.map((j: { code: string; abbr: string }) => `${j.code} ${j.abbr}`)).toEqual([
        '01 AL',
        '02 AK',
      ]);
      const next = (await get('/api/map/jurisdictions?kind=state&limit=2&offset=2')).json();
      expect(next.items.map((j: { abbr: string }) => j.abbr)).toEqual(['AZ', 'AR']);
    });

    it('searches by name and lists the children of a parent', async () => {
      const found = (await get('/api/map/jurisdictions?q=calif&kind=state')).json();
      expect(found.items.map((j: { name: string }) => j.name)).toEqual(['California']);
      const france = (await get('/api/map/jurisdictions?kind=nation&code=FR')).json().items[0];
      const departments = (await get(`/api/map/jurisdictions?parent=${france.id}&limit=500`)).json();
      expect(departments.total).toBe(107);
      const ain = departments.items.find((d: { code: string }) => d.code === '01');
      const constituencies = (await get(`/api/map/jurisdictions?parent=${ain.id}`)).json();
      expect(constituencies.items.map((c: { code: string }) => c.code)).toEqual([
        '0101',
        '0102',
        '0103',
        '0104',
        '0105',
      ]);
    });

    it('answers a malformed query with 400 and an unknown id with 404', async () => {
      const bad = await get('/api/map/jurisdictions?kind=planet');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('request.invalid');
      const missing = await get('/api/map/jurisdictions/00000000-0000-4000-8000-000000000000');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('map.jurisdiction_not_found');
    });

    it('gives the 577 French constituencies with their votes by nuance in one call', async () => {
      const response = await get(
        `/api/map/elections/${await electionId('fr-2024-legislatives-t1')}/race-votes`,
      );
      expect(response.statusCode).toBe(200);
      const races = response.json();
      expect(races).toHaveLength(577);
      const ain1 = races.find(
        (r: { race: { jurisdiction: { code: string } } }) => r.race.jurisdiction.code === '0101',
      );
      expect(ain1).toMatchObject({
        totalVotes: 60495,
        registered: 86843,
        votesByParty: { RN: 23819, UG: 14188 },
        lean: null,
        race: { jurisdiction: { name: 'Ain, 1re circonscription' }, stage: 'first_round' },
      });
    });

    it('gives a race’s results with lean, margin and third-party share', async () => {
      const races = (
        await get(`/api/map/elections/${await electionId('us-2024-general')}/races?limit=500`)
      ).json();
      const pennsylvania = races.items.find(
        (r: { jurisdiction: { code: string } }) => r.jurisdiction.code === '42',
      );
      const [result] = (await get(`/api/map/races/${pennsylvania.id}/results`)).json();
      expect(result).toMatchObject({
        resultSet: { slug: 'us-president-2024-state' },
        dem: 3423042,
        rep: 3543308,
      });
      expect(result.margin).toBeCloseTo(-1.7, 1);
      expect(result.thirdShare).toBeGreaterThan(0);
      // Two-party margin −1.726 against the nation's −1.500 (sum of the set): a touch more Republican.
      expect(result.lean).toBeCloseTo(-0.226, 2);
    });

    it('serves states as TopoJSON painted with a lean set, cacheable, and 304 when unchanged', async () => {
      const response = await get('/api/map/us/states.topojson?set=538-partisan-lean-2022-state');
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('public, max-age=3600');
      const topology = response.json();
      expect(topology.type).toBe('Topology');
      const vermont = topology.objects.states.geometries.find((g: { id: string }) => g.id === '50');
      expect(vermont.properties).toMatchObject({ name: 'Vermont', state: 'VT', leanLevel: 'state' });
      expect(vermont.properties.lean).toBeGreaterThan(20);
      const again = await app.inject({
        method: 'GET',
        url: '/api/map/us/states.topojson?set=538-partisan-lean-2022-state',
        headers: { 'if-none-match': String(response.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      const geojson = await get('/api/map/us/states.geojson?set=us-president-2024-state');
      expect(geojson.headers['content-type']).toContain('application/geo+json');
      expect(geojson.json().features).toHaveLength(56);
      expect((await get('/api/map/us/states.geojson?set=nope')).statusCode).toBe(404);
    });

    it('lists the loaded datasets and their issues', async () => {
      const datasets = (await get('/api/map/datasets')).json();
      expect(datasets.map((d: { id: string }) => d.id)).toContain('fr-legislatives-2024-t1');
      const issues = (
        await get('/api/map/datasets/fr-legislatives-2024-t1/issues?code=france.sum_differs')
      ).json();
      expect(issues.items.map((i: { subject: string }) => i.subject)).toEqual([
        '1602',
        '2704',
        '3404',
        '7502',
      ]);
    });
  });

  describe('a coalition’s own data', () => {
    const importRaces = (session: TestSession | null, body: string, dryRun = false) => {
      const options = {
        method: 'POST',
        url: `/api/map/imports/races?dryRun=${dryRun}`,
        headers: { 'content-type': 'text/csv' },
        payload: body,
      };
      return session ? injectAs(app, session, options) : app.inject(options);
    };

    it('refuses imports without sign-in (401) and from a viewer (403)', async () => {
      const csv = await fixture('council-races.csv');
      expect((await importRaces(null, csv)).statusCode).toBe(401);
      const refused = await importRaces(viewer, csv);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('auth.forbidden');
    });

    it('answers a bad file with 400 naming each problem, and imports nothing', async () => {
      const response = await importRaces(staff, await fixture('council-races-bad.csv'));
      expect(response.statusCode).toBe(400);
      const { error } = response.json();
      expect(error.code).toBe('import.invalid');
      expect(error.details.total).toBe(8);
      expect(error.details.problems[0]).toEqual({
        file: 'upload',
        row: 2,
        field: 'election_date',
        reason: 'expected a date YYYY-MM-DD',
      });
    });

    it('imports districts and races for staff, after a dry run that writes nothing', async () => {
      const districts = await injectAs(app, staff, {
        method: 'POST',
        url: '/api/map/imports/districts?kind=municipality&parent=state:41',
        payload: JSON.parse(await fixture('council-districts.geojson')),
      });
      expect(districts.statusCode).toBe(200);
      expect(districts.json().changes.jurisdictions).toMatchObject({ new: 3 });
      const csv = await fixture('council-races.csv');
      const preview = await importRaces(staff, csv, true);
      expect(preview.json()).toMatchObject({ dryRun: true, changes: { races: { new: 4 } } });
      expect(
        (await get('/api/map/elections', staff)).json().map((e: { slug: string }) => e.slug),
      ).not.toContain('riverbend-2026');
      const imported = await importRaces(staff, csv);
      expect(imported.statusCode).toBe(200);
      expect(imported.json()).toMatchObject({
        dryRun: false,
        changes: { races: { new: 4 }, results: { new: 5 } },
      });
    });

    it('shows the coalition’s rows to its members only; others get 404, never 403', async () => {
      const mine = (await get('/api/map/jurisdictions?q=Riverbend', viewer)).json();
      expect(mine.items.map((j: { code: string; scope: string }) => `${j.code} ${j.scope}`)).toEqual([
        'RB-1 coalition',
        'RB-2 coalition',
        'RB-3 coalition',
      ]);
      expect((await get('/api/map/jurisdictions?q=Riverbend')).json().total).toBe(0);
      expect((await get('/api/map/jurisdictions?q=Riverbend', otherCoalition)).json().total).toBe(0);
      const id = mine.items[0].id;
      expect((await get(`/api/map/jurisdictions/${id}`, otherCoalition)).statusCode).toBe(404);
      expect((await get(`/api/map/jurisdictions/${id}`)).statusCode).toBe(404);

      const election = await electionId('riverbend-2026', viewer);
      const votes = await get(`/api/map/elections/${election}/race-votes?office=city_council`, viewer);
      expect(
        votes.json().map((r: { race: { jurisdiction: { code: string } } }) => r.race.jurisdiction.code),
      ).toEqual(['RB-1', 'RB-2', 'RB-3']);
      expect((await get(`/api/map/elections/${election}/race-votes`, otherCoalition)).statusCode).toBe(404);
      expect((await get(`/api/map/elections/${election}/races`)).statusCode).toBe(404);
    });

    it('serves the coalition’s districts as GeoJSON with a result set’s figures, to its members only', async () => {
      const response = await get('/api/map/districts.geojson?set=riverbend-2026-city_council', viewer);
      expect(response.statusCode).toBe(200);
      expect(response.headers['cache-control']).toBe('private, no-cache');
      const features = response.json().features;
      expect(
        features.map((f: { properties: { code: string; dem?: number } }) => [
          f.properties.code,
          f.properties.dem,
        ]),
      ).toEqual([
        ['RB-1', 5850],
        ['RB-2', 4500],
        ['RB-3', undefined],
      ]);
      expect(features[0].geometry.type).toBe('Polygon');
      expect((await get('/api/map/districts.geojson')).statusCode).toBe(401);
      expect((await get('/api/map/districts.geojson', otherCoalition)).json().features).toEqual([]);
    });
  });
});
