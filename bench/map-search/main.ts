/**
 * bench/map-search: the place search (`GET /api/map/places`, docs/map.md "Finding a place") over
 * every shipped dataset (~4,500 jurisdictions, 28,000 result units) in in-memory PGlite, and in
 * PostgreSQL when DATABASE_URL is set. Per query: the median and slowest of 20 first pages, and
 * walking every page of a broad query by its keyset cursor. Baseline in the same run: the old
 * unranked name filter (`GET /api/map/jurisdictions?q=`, `ilike '%q%'`, offset pages).
 */
import { loadavg } from 'node:os';
import type { Db } from '../../src/db/database.ts';
import { catalog, loadReferenceData, prepareDatasets } from '../../src/features/map/index.ts';
import { searchPlaces } from '../../src/features/map/place-search.service.ts';
import { createTestDatabase } from '../../test/helpers/test-database.ts';

const queries = ['Wayne, MI', 'Wayne County, Michigan', 'Way', 'new', 'a'];

async function median(run: () => Promise<unknown>, times = 20): Promise<{ median: number; max: number }> {
  const ms: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(times / 2)] ?? 0, max: ms.at(-1) ?? 0 };
}

const fmt = (t: { median: number; max: number }) =>
  `median ${t.median.toFixed(1)} ms, max ${t.max.toFixed(1)} ms`;

async function benchTarget(label: string, db: Db) {
  console.log(`\n${label}`);
  for (const q of queries) {
    const first = await median(() => searchPlaces(db, null, { q, limit: 20 }));
    const baseline = await median(() =>
      catalog.listJurisdictions(db, null, { q: q.split(',')[0] ?? q, limit: 20, offset: 0 }),
    );
    console.log(`  "${q}": first page ${fmt(first)}; baseline ilike ${fmt(baseline)}`);
  }
  const start = performance.now();
  let pages = 0;
  let places = 0;
  let after: string | undefined;
  do {
    const page = await searchPlaces(db, null, { q: 'a', limit: 100, ...(after ? { after } : {}) });
    pages += 1;
    places += page.items.length;
    after = page.next ?? undefined;
  } while (after);
  console.log(
    `  every page of "a" (${places} places, ${pages} pages of 100): ${(performance.now() - start).toFixed(0)} ms`,
  );
}

async function main() {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (2 cores shared: compare ratios, not milliseconds)`,
  );
  const prepared = await prepareDatasets();
  const saved = process.env.DATABASE_URL;
  for (const serverUrl of [undefined, saved]) {
    if (serverUrl === undefined && saved !== undefined) delete process.env.DATABASE_URL;
    if (serverUrl) process.env.DATABASE_URL = serverUrl;
    const handle = await createTestDatabase();
    try {
      await handle.db.transaction().execute((trx) => loadReferenceData(trx, prepared));
      await benchTarget(
        serverUrl ? 'PostgreSQL (a fresh database on the DATABASE_URL server)' : 'in-memory PGlite',
        handle.db,
      );
    } finally {
      await handle.close();
    }
    if (!saved) break;
  }
  if (saved) process.env.DATABASE_URL = saved;
}

await main();
