/**
 * Supporters: a 1,000,000-row CSV import and people search on the result (docs/supporters.md).
 * BENCH_ROWS changes the size; DATABASE_URL runs it on PostgreSQL (a scratch database is created
 * and dropped), otherwise on embedded PGlite in memory. The baseline, measured in the same run on
 * the same database, is a fixed reference workload: adding people one `createPerson` call (one
 * INSERT) at a time, in one transaction. Its rate moves with the machine's load, so the ratio
 * import rate / baseline rate is what compares across runs.
 */
import { execSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../src/db/connect.ts';
import { copyLine, copyTextInto } from '../../src/db/copy.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { importPeople } from '../../src/features/supporters/import/import.service.ts';
import { detectPreset, presets, proposeMapping } from '../../src/features/supporters/import/presets.ts';
import { rowMapper } from '../../src/features/supporters/import/row-mapper.ts';
import { createPerson, listPeople } from '../../src/features/supporters/people.service.ts';
import { toPersonRow } from '../../src/features/supporters/person-input.ts';
import {
  syntheticPerson,
  syntheticPersonInput,
  syntheticTags,
} from '../../src/features/supporters/synthetic.ts';
import { member, openDatabase, percentile, writeCsv } from './fixture.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const baselineRows = Number(process.env.BENCH_BASELINE_ROWS ?? 5_000);
const searches = 200;

/** The JavaScript side alone, no database: csv-parse only, then parse + map + normalize. */
async function jsFloors(file: string): Promise<{ parseMs: number; mapMs: number }> {
  let t = performance.now();
  let n = 0;
  for await (const _ of createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }))) n += 1;
  const parseMs = performance.now() - t;
  t = performance.now();
  let mapRow: ReturnType<typeof rowMapper> | null = null;
  let kept = 0;
  for await (const record of createReadStream(file).pipe(
    parse({ bom: true, relax_column_count: true }),
  ) as AsyncIterable<string[]>) {
    if (mapRow === null) {
      const preset = detectPreset(record);
      mapRow = rowMapper(record, proposeMapping(record, preset), presets[preset ?? 'concord'].tagSeparator);
      continue;
    }
    const { problems } = toPersonRow(mapRow(record).input, new Set());
    if (problems.length === 0) kept += 1;
  }
  if (kept !== n - 1) console.log(`  (floor: ${n - 1 - kept} rows with problems)`);
  return { parseMs, mapMs: performance.now() - t };
}

/**
 * The floor through this stack: csv-parse, then the raw cells (8 text columns, nothing mapped or
 * checked) COPYed into a temporary table in batches of 10,000, in one transaction rolled back.
 */
async function bareCopy(handle: DatabaseHandle, file: string): Promise<number> {
  const t = performance.now();
  await handle.db
    .transaction()
    .execute(async (trx) => {
      await sql`create temporary table bare_copy (a text, b text, c text, d text, e text, f text, g text, h text) on commit drop`.execute(
        trx,
      );
      const columns = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
      let text = '';
      let n = 0;
      let header = true;
      for await (const record of createReadStream(file).pipe(parse({ bom: true })) as AsyncIterable<
        string[]
      >) {
        if (header) {
          header = false;
          continue;
        }
        text += copyLine(record);
        n += 1;
        if (n % 10_000 === 0) {
          await copyTextInto(trx, 'bare_copy', columns, text);
          text = '';
        }
      }
      await copyTextInto(trx, 'bare_copy', columns, text);
      throw new Error('rolled back');
    })
    .catch(() => undefined);
  return performance.now() - t;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'concord-bench-people-'));
  const handle = await openDatabase();
  try {
    console.log(`database: ${handle.target.kind}; load before: ${execSync('uptime').toString().trim()}`);
    await migrateToLatest(handle.db);
    const file = join(dir, 'people.csv');
    let t = performance.now();
    await writeCsv(file, rows, 0);
    console.log(
      `generated ${rows.toLocaleString('en')} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const floors = await jsFloors(file);
    console.log(
      `JavaScript alone (no database): csv-parse ${(floors.parseMs / 1000).toFixed(1)} s; parse + map + normalize ${(floors.mapMs / 1000).toFixed(1)} s`,
    );

    console.log(
      `floor: csv-parse + bare COPY of the raw cells into a temporary table: ${((await bareCopy(handle, file)) / 1000).toFixed(1)} s`,
    );

    const baselineActor = await member(handle, 'baseline');
    t = performance.now();
    await handle.db.transaction().execute(async (trx) => {
      for (let i = 0; i < baselineRows; i += 1) {
        const p = syntheticPerson(rows + i);
        await createPerson(trx, baselineActor, syntheticPersonInput(p));
      }
    });
    const baselineRate = baselineRows / ((performance.now() - t) / 1000);
    console.log(
      `baseline (createPerson, one INSERT per person): ${baselineRows.toLocaleString('en')} rows, ${Math.round(baselineRate).toLocaleString('en')} rows/s`,
    );

    const actor = await member(handle, 'importer');
    t = performance.now();
    let lastLog = t;
    let staged = t;
    const phases: string[] = [];
    const report = await importPeople(handle.db, actor, createReadStream(file), {
      fileName: 'people.csv',
      dryRun: false,
      onPhase: (phase, ms) => phases.push(`${phase} ${(ms / 1000).toFixed(1)} s`),
      onProgress: ({ rows: done }) => {
        staged = performance.now();
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now();
          console.log(`  … ${done.toLocaleString('en')} rows after ${((lastLog - t) / 1000).toFixed(0)} s`);
        }
      },
    });
    const seconds = (performance.now() - t) / 1000;
    console.log(
      `  parse, check and stage: ${((staged - t) / 1000).toFixed(1)} s; duplicates and insert into people: ${(seconds - (staged - t) / 1000).toFixed(1)} s`,
    );
    console.log(`  phases: ${phases.join('; ')}`);
    const rate = report.imported / seconds;
    console.log(
      `import: ${report.imported.toLocaleString('en')} rows in ${seconds.toFixed(1)} s = ${Math.round(rate).toLocaleString('en')} rows/s ` +
        `(${(rate / baselineRate).toFixed(1)}x the baseline); errors ${report.errorCount}, duplicates reported ${report.duplicateCount}`,
    );
    console.log(`load after import: ${execSync('uptime').toString().trim()}`);

    // Fresh statistics, as autovacuum would gather them after a bulk load.
    await sql`analyze people`.execute(handle.db);
    const timings: number[] = [];
    const kinds = ['name fragment', 'exact email', 'tag', 'county + first name'] as const;
    const byKind = new Map<string, number[]>(kinds.map((k) => [k, []]));
    for (let i = 0; i < searches; i += 1) {
      const p = syntheticPerson((i * 104_729) % rows);
      const query =
        i % 4 === 0
          ? { q: p.lastName.slice(0, 5).toLowerCase(), limit: 100 }
          : i % 4 === 1
            ? { q: p.email, limit: 100 }
            : i % 4 === 2
              ? { tag: syntheticTags[i % syntheticTags.length], limit: 100 }
              : { county: p.countyFips, q: p.firstName.toLowerCase(), limit: 100 };
      const start = performance.now();
      await listPeople(handle.db, actor, query);
      timings.push(performance.now() - start);
      byKind.get(kinds[i % 4] ?? '')?.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    console.log(
      `search (${searches} queries: name prefix, exact email, tag, county + first name; page of 100 + count capped at 1,000): ` +
        `p50 ${percentile(timings, 0.5).toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms, max ${(timings.at(-1) ?? 0).toFixed(1)} ms`,
    );
    for (const [kind, list] of byKind) {
      list.sort((a, b) => a - b);
      console.log(
        `  ${kind}: p50 ${percentile(list, 0.5).toFixed(1)} ms, p95 ${percentile(list, 0.95).toFixed(1)} ms`,
      );
    }
    console.log(`load after search: ${execSync('uptime').toString().trim()}`);
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
