import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDecision } from '../../src/features/decisions/create.service.ts';
import type { RouteEntry } from '../../src/http/edge.ts';
import type { App } from '../../src/http/types.ts';
import { createTestUser } from '../helpers/factories.ts';
import { inTx, seedCoalition } from '../helpers/governance.ts';
import { buildTestApp, signIn, type TestSession } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

/**
 * No input makes the server answer 500. Every route the app registers (enumerated from
 * `app.routeTable`, so later routes are fuzzed too) gets fast-check bodies, path parameters and
 * query strings, as a signed-in admin: first one request to each route, then FUZZ_RUNS runs (1,000,
 * the default and what CI runs) of one property whose arbitrary picks the route. The importers get
 * CSV, GeoJSON and JSON-ballot input the same way: each once, then 1,000 runs. No time limit: the
 * tests assert that every run was made. A failure prints fast-check's seed; FUZZ_SEED replays it.
 */
const runs = Number(process.env.FUZZ_RUNS ?? 1_000);
const fuzzSeed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const database = useTestDatabase();

/** Strings with what breaks text handling: NUL, lone surrogates, invisible and look-alike letters. */
const hostileChar = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u0000', '\ud800', '\udfff', '\u200b', '\u0435', '"', '\\', ',', '\n'),
  },
  { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const hostileString = fc.oneof(
  fc.string({ unit: hostileChar, maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(5_000),
    '2026-01-01',
    '9999-12-31',
    '0000-00-00',
    '2026-12-03T12:00:00Z',
    '-1',
    '1e309',
    'NaN',
    '__proto__',
    'constructor',
    "'; drop table organizations; --",
    'Harbor Gr\u0435ens',
  ),
  fc.uuid().map(String),
);

function bodyArbitrary(keys: string[]) {
  const leaf = fc.oneof(
    hostileString,
    fc.integer(),
    fc.double(),
    fc.bigInt().map((n) => Number(n)),
    fc.boolean(),
    fc.constant(null),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.constantFrom(...keys), hostileString), tie('value'), { maxKeys: 4 }),
    ),
  }));
  return fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 }) },
    { weight: 1, arbitrary: value },
  );
}

/** Every property name in the OpenAPI document: fuzzed bodies use real field names, so they get past "unknown key". */
function fieldNames(document: unknown): string[] {
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key === 'properties' && child && typeof child === 'object') {
          for (const name of Object.keys(child)) names.add(name);
        }
        walk(child);
      }
    }
  };
  walk(document);
  return [...names].sort();
}

/** A lone surrogate cannot be percent-encoded as UTF-8: send the bytes a client would (not UTF-8 at all). */
function encodePathPart(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

const family = (route: RouteEntry) => route.url.split('/')[2] ?? route.url;

describe('fuzzing every route: no 500', () => {
  let app: App;
  let admin: TestSession;
  let ids: string[];
  let keys: string[];
  const skipped = new Set(['DELETE /api/session']); // signing the fuzzer out fuzzes nothing

  beforeAll(async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [
      { name: 'Fuzz One' },
      { name: 'Fuzz Two' },
      { name: 'Fuzz Three' },
    ]);
    const decision = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, { kind: 'motion', title: 'Fuzz' }),
    );
    app = await buildTestApp(db);
    admin = await signIn(app, await createTestUser(db, seed.coalition.slug, 'admin'));
    ids = [...seed.members.map((m) => m.id), decision.id, seed.coalition.slug, seed.admin.userId];
    await app.ready();
    keys = fieldNames(app.swagger());
  });
  afterAll(() => app.close());

  const send = (options: InjectOptions & { method: string; url: string }, anonymous = false) =>
    app.inject({
      ...options,
      // A fresh address each time: the per-address rate limits are tested elsewhere.
      remoteAddress: `10.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}.${(Math.random() * 255) | 0}`,
      headers: {
        ...options.headers,
        ...(anonymous ? {} : { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }),
      },
    } as InjectOptions);

  it('has routes in every family to fuzz', () => {
    const families = new Set(app.routeTable.filter((r) => r.url.startsWith('/api/')).map(family));
    expect(families.size).toBeGreaterThanOrEqual(8);
  });

  /** One fuzzed request to `route`; throws on a 500 so fast-check reports (and shrinks) it. */
  const param = () => fc.oneof(fc.constantFrom(...ids), fc.uuid().map(String), hostileString);
  const query = () =>
    fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string()), hostileString, { maxKeys: 3 });
  async function fuzzRoute(
    route: RouteEntry,
    params: string[],
    search: Record<string, string>,
    body: unknown,
  ): Promise<void> {
    let i = 0;
    const path = route.url.replace(/:\w+/g, () => encodePathPart(params[i++] ?? randomUUID()));
    // URLSearchParams writes a lone surrogate as U+FFFD, as a browser would.
    const qs = new URLSearchParams(Object.entries(search));
    const write = !['GET', 'HEAD'].includes(route.method);
    const response = await send(
      {
        method: route.method,
        url: `${path}?${qs}`,
        ...(write ? { headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) } : {}),
      },
      route.anonymous,
    );
    if (response.statusCode >= 500) {
      throw new Error(`${route.method} ${route.url} → ${response.statusCode}: ${response.body}`);
    }
  }
  const fuzzedRoutes = () =>
    app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !skipped.has(`${r.method} ${r.url}`) && !r.upload,
    );

  it('answers a hostile request to every route below 500 (each route at least once)', async () => {
    // Deterministic coverage: fast-check's random pick below may miss a route in 1,000 runs.
    const sample = fc.sample(
      fc.tuple(fc.array(param(), { minLength: 4, maxLength: 4 }), query(), bodyArbitrary(keys)),
      {
        numRuns: fuzzedRoutes().length,
        seed: fuzzSeed,
      },
    );
    let sent = 0;
    for (const [index, route] of fuzzedRoutes().entries()) {
      const [params, search, body] = sample[index] ?? [[], {}, {}];
      await fuzzRoute(route, params, search, body);
      sent++;
    }
    expect(sent).toBe(fuzzedRoutes().length);
    expect(sent).toBeGreaterThanOrEqual(50);
  }, 120_000);

  it(`answers ${runs} fuzzed requests to routes picked at random below 500`, async () => {
    let performed = 0;
    const touched = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fuzzedRoutes()),
        fc.array(param(), { minLength: 4, maxLength: 4 }),
        query(),
        bodyArbitrary(keys),
        async (route, params, search, body) => {
          performed++;
          touched.add(family(route));
          await fuzzRoute(route, params, search, body);
        },
      ),
      { numRuns: runs, seed: fuzzSeed },
    );
    // No time limit cuts the run short: every one of the runs was made (shrinking only adds).
    expect(performed).toBeGreaterThanOrEqual(runs);
    expect(touched.size).toBeGreaterThanOrEqual(8);
  }, 240_000);

  /** One CSV cell: quoted when it must be (and sometimes when it must be and is not: broken CSV). */
  const csvCell = fc
    .tuple(
      fc.oneof(
        hostileString,
        fc.integer().map(String),
        fc.constantFrom('', 'county', 'state', '06', '06037', 'house', 'dem', 'rep', '2026-11-03'),
      ),
      fc.boolean(),
    )
    .map(([value, quote]) =>
      quote || /[",\n]/.test(value) ? `"${value.replaceAll('"', quote ? '""' : '"')}"` : value,
    );
  const csvFile = (columns: string[]) =>
    fc
      .tuple(
        fc.shuffledSubarray(columns, { minLength: 1 }),
        fc.array(fc.array(csvCell, { minLength: 1, maxLength: 12 }), { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
      )
      .map(([header, rows, newline]) =>
        [header.join(','), ...rows.map((row) => row.join(','))].join(newline),
      );
  const raceColumns = [
    'election',
    'election_date',
    'office',
    'jurisdiction_kind',
    'jurisdiction_code',
    'election_name',
    'stage',
    'jurisdiction_name',
    'parent',
    'seats',
    'filing_deadline',
    'candidate',
    'party',
    'line',
    'votes',
    'total_votes',
  ];
  const coordinate = fc.oneof(fc.double({ min: -200, max: 200 }), fc.integer(), hostileString);
  const feature = fc.record({
    type: fc.constantFrom('Feature', 'feature', 'Polygon'),
    properties: fc.oneof(
      fc.constant(null),
      fc.dictionary(fc.constantFrom('code', 'name', 'kind', 'GEOID', 'NAME'), hostileString, { maxKeys: 4 }),
    ),
    geometry: fc.oneof(
      fc.constant(null),
      fc.record({
        type: fc.constantFrom('Polygon', 'MultiPolygon', 'Point', 'LineString'),
        coordinates: fc.array(fc.array(fc.array(coordinate, { maxLength: 3 }), { maxLength: 6 }), {
          maxLength: 2,
        }),
      }),
    ),
  });
  const geoJson = fc.record({
    type: fc.constantFrom('FeatureCollection', 'Topology', 'Feature', 'nonsense'),
    features: fc.array(feature, { maxLength: 4 }),
  });
  const ballots = fc.oneof(
    csvFile(['weight', 'rank1', 'rank2', 'rank3']),
    fc
      .record({
        candidates: fc.option(fc.array(hostileString, { maxLength: 4 })),
        ballots: fc.array(
          fc.record({
            ranks: fc.array(fc.array(hostileString, { maxLength: 2 }), { maxLength: 3 }),
            weight: fc.oneof(fc.integer(), hostileString),
          }),
          { maxLength: 6 },
        ),
      })
      .map((document) => JSON.stringify(document)),
  );

  const importers = () => [
    {
      name: 'race import (CSV)',
      url: '/api/map/imports/races',
      type: 'text/csv',
      file: csvFile(raceColumns),
    },
    {
      name: 'district import (GeoJSON)',
      url: '/api/map/imports/districts',
      type: 'application/json',
      file: geoJson.map((g) => JSON.stringify(g)),
    },
    { name: 'tabulation (CSV ballots)', url: '/api/tabulate', type: 'text/csv', file: ballots },
    {
      name: 'tabulation (JSON ballots)',
      url: '/api/tabulate',
      type: 'application/json',
      file: ballots,
    },
    {
      // The supporters import as a job: the CSV travels inside a JSON body.
      name: 'supporters import job (CSV in JSON)',
      url: '/api/people/import-jobs',
      type: 'application/json',
      file: fc
        .record({
          fileName: fc.oneof(hostileString, fc.constant('people.csv')),
          csv: csvFile(['first_name', 'last_name', 'email', 'phone', 'county', 'tags']),
          preset: fc.constantFrom(null, 'action_network', 'nationbuilder', 'civicrm', 'nonsense'),
        })
        .map((body) => JSON.stringify(body)),
    },
  ];
  async function fuzzImport(url: string, type: string, text: string, dryRun: boolean): Promise<void> {
    const response = await send({
      method: 'POST',
      url: `${url}?dryRun=${dryRun}`,
      headers: { 'content-type': type },
      payload: text,
    });
    if (response.statusCode >= 500) throw new Error(`${url} → ${response.statusCode}: ${response.body}`);
  }

  it('covers every upload route the app registers with an importer arbitrary', () => {
    const uploads = app.routeTable.filter((r) => r.upload).map((r) => r.url);
    expect(uploads.length).toBeGreaterThan(0);
    for (const url of uploads) expect(importers().map((i) => i.url)).toContain(url);
  });

  it(`answers ${runs} fuzzed importer files below 500 (every importer at least once)`, async () => {
    const all = importers();
    for (const { url, type, file } of all) {
      const [text] = fc.sample(file, { numRuns: 1, seed: fuzzSeed });
      await fuzzImport(url, type, text ?? '', true);
    }
    let performed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(...all.map((importer) => importer.file.map((text) => ({ importer, text })))),
        fc.boolean(),
        async ({ importer, text }, dryRun) => {
          performed++;
          await fuzzImport(importer.url, importer.type, text, dryRun);
        },
      ),
      { numRuns: runs, seed: fuzzSeed },
    );
    expect(performed).toBeGreaterThanOrEqual(runs);
  }, 240_000);
});
