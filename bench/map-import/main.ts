/**
 * bench/map-import: `concord map import races` at 100,000 places (200,000 result lines, a 23 MB
 * CSV) on in-memory PGlite and on PostgreSQL (DATABASE_URL, or the local server when reachable).
 * Five imports in a row into the same coalition (the first creates everything, the next four
 * replace every result line) with the process's RSS and heap after each (after a full GC) and the
 * peak RSS seen during each: memory must stay flat from one import to the next.
 * Baseline measured in the same run: the same rows written straight into a fresh database with the
 * reference loader's unnest batches (no parsing, no comparison): the floor an import can approach.
 * Also a districts import (GeoJSON, 25,000 wards) for its time and peak memory.
 *
 * Sizes: BENCH_IMPORT_PLACES (100000), BENCH_IMPORT_ROUNDS (5), BENCH_DISTRICTS (25000);
 * BENCH_DRIVERS (pglite,postgres) picks the drivers.
 */

import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import pg from 'pg';
import type { Actor } from '../../src/core/actor.ts';
import {
  applyRaceFile,
  importDistricts,
  readRaceFile,
} from '../../src/features/map/imports/import.service.ts';
import { Problems } from '../../src/features/map/imports/problems.ts';
import { raceImportRows } from '../../src/features/map/imports/race-import-rows.ts';
import { resolveJurisdictions } from '../../src/features/map/imports/resolve.ts';
import { writeRows } from '../../src/features/map/load.repository.ts';
import { createTestCoalition } from '../../test/helpers/factories.ts';
import { districtGeoJson, raceCsvLines } from '../../test/helpers/import-files.ts';
import { createTestDatabase } from '../../test/helpers/test-database.ts';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const places = Number(process.env.BENCH_IMPORT_PLACES ?? 100_000);
const rounds = Number(process.env.BENCH_IMPORT_ROUNDS ?? 5);
const districtCount = Number(process.env.BENCH_DISTRICTS ?? 25_000);
const work = mkdtempSync(join(tmpdir(), 'concord-bench-import-'));
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * The process's peak RSS while `run` runs, from the kernel's high-water mark (VmHWM, reset first
 * through clear_refs): PGlite runs queries synchronously, so sampling from a timer would miss peaks.
 */
async function measured<T>(run: () => Promise<T>) {
  writeFileSync('/proc/self/clear_refs', '5');
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  const peak = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024;
  return { ms, peak, result };
}

async function writeCsv(round: number): Promise<string> {
  const file = join(work, `round-${round}.csv`);
  const out = createWriteStream(file);
  for (const chunk of raceCsvLines(places, round)) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return file;
}

async function freshDatabase(serverUrl: string | undefined) {
  const saved = process.env.DATABASE_URL;
  if (serverUrl) process.env.DATABASE_URL = serverUrl;
  else delete process.env.DATABASE_URL;
  try {
    return await createTestDatabase();
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}

async function benchDriver(label: string, serverUrl: string | undefined, files: string[]) {
  console.log(`\n${label}`);
  const handle = await freshDatabase(serverUrl);
  const coalition = await createTestCoalition(handle.db);
  const actor: Actor = { userId: 'bench', coalitionId: coalition.id, organizationId: null, role: 'admin' };
  const times: number[] = [];
  for (const [round, file] of files.entries()) {
    const run = await measured(async () => {
      const checked = await readRaceFile(actor, 'bench.csv', createReadStream(file));
      return handle.db.transaction().execute((trx) => applyRaceFile(trx, actor, checked, false));
    });
    gc();
    const after = process.memoryUsage();
    times.push(run.ms);
    const results = run.result.changes.results;
    console.log(
      `  import ${round + 1}: ${(run.ms / 1000).toFixed(1)} s (${results?.new ?? 0} new, ${results?.changed ?? 0} changed lines)` +
        `  peak RSS ${mb(run.peak)}  after GC: RSS ${mb(after.rss)}, heap ${mb(after.heapUsed)}`,
    );
  }

  const districts = districtGeoJson(districtCount);
  const shapes = await measured(() =>
    handle.db.transaction().execute((trx) =>
      importDistricts(trx, actor, {
        file: 'wards.geojson',
        text: districts,
        dryRun: false,
        options: { kind: 'ward' },
      }),
    ),
  );
  console.log(
    `  districts: ${districtCount} wards (${mb(districts.length)} GeoJSON) in ${(shapes.ms / 1000).toFixed(1)} s, peak RSS ${mb(shapes.peak)}`,
  );
  await handle.close();

  // Baseline: the first round's rows written straight in, no parsing and no comparison.
  const floorDb = await freshDatabase(serverUrl);
  const floorCoalition = await createTestCoalition(floorDb.db);
  const checked = await readRaceFile(
    { ...actor, coalitionId: floorCoalition.id },
    'bench.csv',
    createReadStream(files[0] ?? ''),
  );
  const floor = await measured(() =>
    floorDb.db.transaction().execute(async (trx) => {
      const resolved = await resolveJurisdictions(
        trx,
        floorCoalition.id,
        [...checked.parsed.jurisdictions.values()],
        new Problems('bench'),
      );
      const rows = raceImportRows(checked.parsed, resolved, floorCoalition.id);
      await writeRows(trx, { ...rows, jurisdictions: resolved.rows });
    }),
  );
  await floorDb.close();
  const first = times[0] ?? 0;
  const replaced = times.slice(1);
  const replacedMean = replaced.reduce((a, b) => a + b, 0) / Math.max(1, replaced.length);
  console.log(
    `  baseline, the same rows written straight in (unnest batches, no checks): ${(floor.ms / 1000).toFixed(1)} s` +
      `  → first import ${(first / floor.ms).toFixed(2)}×, replacing imports ${(replacedMean / floor.ms).toFixed(2)}× of it`,
  );
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (2 cores shared: compare ratios, not seconds)`,
  );
  const files: string[] = [];
  for (let round = 0; round < rounds; round += 1) files.push(await writeCsv(round));
  console.log(`${places} places, ${places * 2} result lines per file, ${rounds} imports per driver`);
  const drivers = (process.env.BENCH_DRIVERS ?? 'pglite,postgres').split(',');
  if (drivers.includes('pglite')) await benchDriver('in-memory PGlite', undefined, files);
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!drivers.includes('postgres')) console.log('\nPostgreSQL: not asked for (BENCH_DRIVERS)');
  else if (await reachable(serverUrl))
    await benchDriver('PostgreSQL (a fresh database on the server)', serverUrl, files);
  else console.log(`\nPostgreSQL: skipped (${serverUrl} not reachable; set DATABASE_URL)`);
  rmSync(work, { recursive: true, force: true });
}

await main();
