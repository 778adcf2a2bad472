import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../test/helpers/factories.ts';
import { buildTestApp, injectAs, signIn } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { App } from '../../http/types.ts';
import { prepareDatasets } from './datasets/dataset-files.ts';
import { importDistricts } from './imports/import.service.ts';
import { loadReferenceData } from './load.service.ts';
import type { PlaceView } from './map.schema.ts';
import { normalizeName } from './place-query.ts';

const database = useTestDatabase();

interface Page {
  items: PlaceView[];
  next: string | null;
}

describe('map place search (names, not codes)', () => {
  let app: App;

  beforeAll(async () => {
    const { db } = database();
    await db
      .transaction()
      .execute(async (trx) =>
        loadReferenceData(trx, await prepareDatasets(['us-geography', 'us-president-2024-county'])),
      );
    app = await buildTestApp(db);
  });
  afterAll(() => app.close());

  const search = async (query: Record<string, string>): Promise<Page> => {
    const response = await app.inject({ method: 'GET', url: '/api/map/places', query });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  /** Every page, following the cursor. */
  const everything = async (q: string, limit: number) => {
    const all: PlaceView[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 500; pages += 1) {
      const page: Page = await search({ q, limit: String(limit), ...(after ? { after } : {}) });
      all.push(...page.items);
      after = page.next;
      if (!after) return all;
    }
    throw new Error('the cursor never ended');
  };
  const votesOf = async (ids: string[]) => {
    const rows = await sql<{ id: string; votes: number }>`
      select j.id, coalesce(max(ru.total_votes), 0)::float8 as votes
      from jurisdictions j left join result_units ru on ru.jurisdiction_id = j.id
      where j.id in (${sql.join(ids)}) group by j.id`.execute(database().db);
    return new Map(rows.rows.map((r) => [r.id, Number(r.votes)]));
  };

  it('finds Wayne County, Michigan from "Wayne, MI", "Wayne County, Michigan" and "wayne county, mich"', async () => {
    for (const q of ['Wayne, MI', 'Wayne County, Michigan', 'wayne county, mich', '  Wayne ,  mi ']) {
      const page = await search({ q });
      expect(
        page.items.map((p) => p.label),
        q,
      ).toEqual(['Wayne County, Michigan']);
      expect(page.items[0]).toMatchObject({ kind: 'county', code: '26163', key: 'county:26163' });
    }
  });

  it('ranks "Wayne County" by size among the counties of that name, largest first', async () => {
    const { items } = await search({ q: 'Wayne County', limit: '100' });
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((p) => p.kind === 'county')).toBe(true);
    const exact = items.filter((p) => p.name === 'Wayne');
    expect(items.slice(0, exact.length)).toEqual(exact);
    const votes = await votesOf(exact.map((p) => p.id));
    const sizes = exact.map((p) => votes.get(p.id) ?? 0);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(items[0]?.label).toBe('Wayne County, Michigan');
  });

  it('ranks exact names before prefixes before other matches, bigger kinds first on ties', async () => {
    const items = await everything('new', 25);
    const tier = (p: PlaceView) => {
      const name = normalizeName(p.name);
      return name === 'new' ? 0 : name.startsWith('new') ? 1 : 2;
    };
    const tiers = items.map(tier);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    expect(tiers).toContain(1);
    expect(tiers).toContain(2);
    // Among the prefix matches, states (New York, New Jersey…) come before counties.
    const prefixKinds = items.filter((p) => tier(p) === 1).map((p) => p.kind);
    expect(prefixKinds.lastIndexOf('state')).toBeLessThan(prefixKinds.indexOf('county'));
  });

  it('pages through every match with the cursor, each place once', async () => {
    const items = await everything('a', 100);
    const expected = await sql<{ n: number }>`
      select count(*)::int as n from jurisdictions where coalition_id is null and lower(name) like '%a%'`.execute(
      database().db,
    );
    expect(items.length).toBe(Number(expected.rows[0]?.n));
    expect(new Set(items.map((p) => p.id)).size).toBe(items.length);
    expect(items.length).toBeGreaterThan(1000);
  });

  it('takes a prefix, filters by kind, and names places by key or bare FIPS code', async () => {
    const way = await search({ q: 'Way', kind: 'county' });
    expect(way.items[0]?.label).toBe('Wayne County, Michigan');
    const starts = way.items.map((p) => normalizeName(p.name).startsWith('way'));
    expect(starts).toEqual([...starts].sort((a, b) => Number(b) - Number(a)));
    expect(way.items.every((p) => p.kind === 'county' && normalizeName(p.name).includes('way'))).toBe(true);

    const named = await app.inject({
      method: 'GET',
      url: '/api/map/places/by-key',
      query: { keys: 'state:26,26163,county:99999,nonsense' },
    });
    expect(named.json().items.map((p: PlaceView) => [p.key, p.label])).toEqual([
      ['state:26', 'Michigan'],
      ['26163', 'Wayne County, Michigan'],
    ]);
    expect((await app.inject('/api/map/places?q=')).statusCode).toBe(400);
  });

  it('finds a coalition’s own districts for its members only, named with their state', async () => {
    const { db } = database();
    const mine = await createTestCoalition(db, 'Mine');
    const theirs = await createTestCoalition(db, 'Theirs');
    const geojson = await readFile(new URL('./samples/council-districts.geojson', import.meta.url), 'utf8');
    await db.transaction().execute((trx) =>
      importDistricts(
        trx,
        { userId: 'test', coalitionId: mine.id, organizationId: null, role: 'secretariat' },
        {
          file: 'council-districts.geojson',
          text: geojson,
          dryRun: false,
          options: { kind: 'municipality', parent: 'state:41' },
        },
      ),
    );
    const member = await signIn(app, await createTestUser(db, mine.slug, 'viewer'));
    const other = await signIn(app, await createTestUser(db, theirs.slug, 'viewer'));
    const found = (session?: typeof member) =>
      (session
        ? injectAs(app, session, { method: 'GET', url: '/api/map/places?q=Riverbend%20Council%2C%20OR' })
        : app.inject('/api/map/places?q=Riverbend%20Council%2C%20OR')
      ).then((r) => r.json().items.map((p: PlaceView) => `${p.label} ${p.scope}`));
    expect(await found(member)).toEqual([
      'Riverbend Council District 1, Oregon coalition',
      'Riverbend Council District 2, Oregon coalition',
      'Riverbend Council District 3, Oregon coalition',
    ]);
    expect(await found(other)).toEqual([]);
    expect(await found()).toEqual([]);
  });

  it('documents the map endpoints in /docs from their contracts', async () => {
    const paths = Object.keys((await app.inject('/docs/json')).json().paths);
    for (const path of [
      '/api/map/places',
      '/api/map/places/by-key',
      '/api/map/jurisdictions/{id}',
      '/api/map/us/{level}',
      '/api/map/imports/races',
    ]) {
      expect(paths).toContain(path);
    }
    const shapes = (await app.inject('/docs/json')).json().paths['/api/map/us/{level}'].get;
    expect(Object.keys(shapes.responses)).toContain('304');
  });
});
