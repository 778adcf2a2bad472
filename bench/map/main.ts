/**
 * bench/map: `concord data load` on every shipped dataset (~4,500 jurisdictions, 11,000 races,
 * 28,000 result units, 77,000 vote rows) into a fresh in-memory PGlite (and PostgreSQL when
 * DATABASE_URL is set). Budget: a few seconds for everything.
 * Baselines measured in the same run: reading the CSV files with csv-parse alone (the floor for
 * parsing), and the same rows written with plain multi-row `values (…), (…)` inserts of 1,000 rows
 * instead of the loader's `unnest` batches.
 */
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import {
  dataDir,
  datasets,
  loadReferenceData,
  materialize,
  prepareDatasets,
  referenceScope,
  upsertCatalog,
} from '../../src/features/map/index.ts';
import { createTestDatabase } from '../../test/helpers/test-database.ts';

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; cpu: number; result: T }> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await run();
  const cpu = process.cpuUsage(cpuStart);
  return { ms: performance.now() - start, cpu: (cpu.user + cpu.system) / 1000, result };
}

const fmt = (t: { ms: number; cpu: number }) =>
  `${(t.ms / 1000).toFixed(2)} s wall, ${(t.cpu / 1000).toFixed(2)} s CPU`;
const ratio = (a: { ms: number }, b: { ms: number }) => `${(a.ms / b.ms).toFixed(2)}×`;

/** A fresh migrated database: in-memory PGlite, or a new database on the server of `serverUrl`. */
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

/** The baseline writer: the same rows, as `insert … values (…), (…)` of 1,000 rows each. */
async function writeWithValues(db: Kysely<Database>) {
  const prepared = await prepareDatasets();
  await db.transaction().execute(async (trx) => {
    for (const p of prepared) {
      const rows = materialize(p.bundle(), { scope: referenceScope, coalitionId: null, datasetId: null });
      await upsertCatalog(trx, { ...rows, resultSets: [] });
      const sets = rows.resultSets.map((s) => ({ ...s, dataset_id: null }));
      for (let i = 0; i < sets.length; i += 1000)
        await trx
          .insertInto('result_sets')
          .values(sets.slice(i, i + 1000))
          .execute();
      for (let i = 0; i < rows.units.length; i += 1000) {
        await trx
          .insertInto('result_units')
          .values(rows.units.slice(i, i + 1000))
          .execute();
      }
      for (let i = 0; i < rows.votes.length; i += 1000) {
        await trx
          .insertInto('result_votes')
          .values(rows.votes.slice(i, i + 1000))
          .execute();
      }
    }
  });
}

async function benchTarget(label: string, serverUrl: string | undefined) {
  console.log(`\n${label}`);
  const a = await freshDatabase(serverUrl);
  const first = await timed(async () => {
    const prepared = await prepareDatasets();
    return a.db.transaction().execute((trx) => loadReferenceData(trx, prepared));
  });
  const again = await timed(async () => {
    const prepared = await prepareDatasets();
    return a.db.transaction().execute((trx) => loadReferenceData(trx, prepared));
  });
  const forced = await timed(async () => {
    const prepared = await prepareDatasets();
    return a.db.transaction().execute((trx) => loadReferenceData(trx, prepared, { force: true }));
  });
  await a.close();
  const b = await freshDatabase(serverUrl);
  const values = await timed(() => writeWithValues(b.db));
  await b.close();
  console.log(`  first load (parse + write, ${first.result.length} datasets): ${fmt(first)}`);
  console.log(
    `  second load (nothing changed, nothing parsed):        ${fmt(again)}  = ${ratio(again, first)} of the first`,
  );
  console.log(`  forced reload (replace every dataset):                ${fmt(forced)}`);
  console.log(
    `  baseline, same rows with values (…) inserts:          ${fmt(values)}  → unnest loader is ${ratio(values, first)} faster`,
  );
}

async function main() {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (2 cores shared: compare ratios, not seconds)`,
  );
  const files = datasets.flatMap((d) => d.files.filter((f) => !f.startsWith('us-atlas:')));
  const csvOnly = await timed(async () => {
    for (const file of files)
      parse(await readFile(`${dataDir}${file}`, 'utf8'), { bom: true, relax_column_count: true });
  });
  const parsed = await timed(async () => {
    const prepared = await prepareDatasets();
    for (const p of prepared) p.bundle();
    return prepared;
  });
  const rows = parsed.result.reduce((n, p) => n + p.bundle().units.length + p.bundle().votes.length, 0);
  console.log(`parse and normalize every dataset (${rows} units + vote rows): ${fmt(parsed)}`);
  console.log(
    `baseline, csv-parse alone on the same files:             ${fmt(csvOnly)}  → normalizing costs ${ratio(parsed, csvOnly)}`,
  );
  const serverUrl = process.env.DATABASE_URL;
  await benchTarget('in-memory PGlite', undefined);
  if (serverUrl) await benchTarget('PostgreSQL (a fresh database on the DATABASE_URL server)', serverUrl);
}

await main();
