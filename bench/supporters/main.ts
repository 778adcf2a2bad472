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
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { importPeople } from '../../src/features/supporters/import/import.service.ts';
import { createPerson, listPeople } from '../../src/features/supporters/people.service.ts';
import {
  syntheticPerson,
  syntheticPersonInput,
  syntheticTags,
} from '../../src/features/supporters/synthetic.ts';
import { member, openDatabase, percentile, writeCsv } from './fixture.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const baselineRows = Number(process.env.BENCH_BASELINE_ROWS ?? 5_000);
const searches = 200;

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
    const report = await importPeople(handle.db, actor, createReadStream(file), {
      fileName: 'people.csv',
      dryRun: false,
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
