/**
 * People search and duplicate candidates at a million (docs/supporters.md, "Benchmarks").
 * Loads BENCH_ROWS synthetic people (default 1,000,000) through the CSV import into one member
 * (plus 5,000 into another, and planted duplicate pairs), then per search shape runs
 * BENCH_PER_SHAPE queries (default 50) as the list route does (a page of 100 and the count capped
 * at 1,000), each once through the current code and once through the plan before migration
 * 2026_12_05_1201 (old-plan.ts, the baseline, interleaved query by query so both see the same
 * load), checks that both return the same rows and count, and prints p50/p95. Then the second page
 * (sealed cursor) of name fragments, and the duplicate finder.
 * DATABASE_URL runs on PostgreSQL (a scratch database, dropped after; BENCH_KEEP_DB=<name> keeps it
 * and reuses it next time, skipping the load), otherwise on in-memory PGlite.
 */
import { execSync } from 'node:child_process';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { openCursor } from '../../src/features/supporters/cursor.ts';
import { findCandidates } from '../../src/features/supporters/merge/merge.repository.ts';
import { listPeople } from '../../src/features/supporters/people.service.ts';
import { cursorKey } from '../../src/features/supporters/records.repository.ts';
import { openDatabase, percentile } from '../supporters/fixture.ts';
import { loadPeople, plantedPairs, scopeOf } from './load.ts';
import { oldFindCandidates, oldSearch } from './old-plan.ts';
import { shapes } from './shapes.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const perShape = Number(process.env.BENCH_PER_SHAPE ?? 50);
const uptime = () => execSync('uptime').toString().trim();
const ms = (n: number) => `${n.toFixed(1)} ms`;

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${ms(percentile(sorted, 0.5))}, p95 ${ms(percentile(sorted, 0.95))}, max ${ms(sorted.at(-1) ?? 0)}`;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await run();
  return [result, performance.now() - start];
}

async function main() {
  const handle = await openDatabase({ keep: process.env.BENCH_KEEP_DB });
  try {
    console.log(`database: ${handle.target.kind}; load before: ${uptime()}`);
    let t = performance.now();
    await migrateToLatest(handle.db);
    console.log(`migrations: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const { big, loaded } = await loadPeople(handle, rows);
    if (loaded)
      console.log(
        `loaded ${rows.toLocaleString('en')} people in ${((performance.now() - t) / 1000).toFixed(0)} s`,
      );
    await sql`analyze people`.execute(handle.db);
    await sql`analyze people_names`.execute(handle.db);
    const scope = scopeOf(big);
    const key = await cursorKey(handle.db, scope, () => new Uint8Array(32));
    console.log(`load before searches: ${uptime()}`);

    const all = { old: [] as number[], new: [] as number[] };
    let mismatches = 0;
    const check = (label: string, oldIds: string[], newIds: string[], oldTotal: number, newTotal: number) => {
      if (oldTotal !== newTotal || oldIds.join() !== newIds.join()) {
        mismatches += 1;
        if (mismatches <= 5)
          console.log(
            `  MISMATCH ${label}: old ${oldTotal}/${oldIds.length}, new ${newTotal}/${newIds.length}`,
          );
      }
    };
    const fragments: string[] = [];
    for (const shape of shapes(perShape, rows)) {
      const times = { old: [] as number[], new: [] as number[] };
      let found = 0;
      for (const query of shape.queries) {
        const [before, oldMs] = await timed(() => oldSearch(handle.db, scope, query));
        const [after, newMs] = await timed(() => listPeople(handle.db, big, { ...query, limit: 100 }));
        times.old.push(oldMs);
        times.new.push(newMs);
        found += after.total;
        check(
          `${shape.name} ${JSON.stringify(query)}`,
          before.rows.map((r) => r.id),
          after.people.map((p) => p.id),
          before.total,
          after.total,
        );
        if (after.nextCursor && !query.county && !query.q.includes(' ')) fragments.push(query.q);
      }
      all.old.push(...times.old);
      all.new.push(...times.new);
      console.log(
        `${shape.name} (${shape.queries.length} queries, mean count ${Math.round(found / shape.queries.length)}):`,
      );
      console.log(`  old plan: ${summary(times.old)}`);
      console.log(`  new plan: ${summary(times.new)}`);
    }

    // The next page: the cursor from page 1, as the virtualized list asks while scrolling.
    const pageTwo = { old: [] as number[], new: [] as number[] };
    for (const q of fragments.slice(0, perShape)) {
      const first = await listPeople(handle.db, big, { q, limit: 100 });
      if (!first.nextCursor) continue;
      const position = openCursor(key, scope, first.nextCursor);
      const [before, oldMs] = await timed(() => oldSearch(handle.db, scope, { q }, position));
      const [after, newMs] = await timed(() =>
        listPeople(handle.db, big, { q, limit: 100, cursor: first.nextCursor ?? '' }),
      );
      pageTwo.old.push(oldMs);
      pageTwo.new.push(newMs);
      check(
        `page 2 of ${q}`,
        before.rows.map((r) => r.id),
        after.people.map((p) => p.id),
        before.total,
        after.total,
      );
    }
    all.old.push(...pageTwo.old);
    all.new.push(...pageTwo.new);
    console.log(`second page of a name fragment (${pageTwo.new.length} queries):`);
    console.log(`  old plan: ${summary(pageTwo.old)}`);
    console.log(`  new plan: ${summary(pageTwo.new)}`);
    console.log(
      `ALL SEARCHES (${all.new.length} per plan): old ${summary(all.old)}; new ${summary(all.new)}`,
    );
    console.log(`results differing between the plans: ${mismatches}`);
    console.log(`load after searches: ${uptime()}`);

    const planted = plantedPairs.email + plantedPairs.phone + plantedPairs.nameAddress;
    {
      const [pairs, took] = await timed(() => oldFindCandidates(handle.db, scope, 100));
      console.log(`duplicate candidates, old query (limit 100): ${ms(took)}; ${pairs.length} pairs`);
    }
    for (const limit of [100, 1000]) {
      const [pairs, took] = await timed(() => findCandidates(handle.db, scope, limit));
      const by = (reason: string) => pairs.filter((p) => p.reason === reason).length;
      console.log(
        `duplicate candidates (limit ${limit}): ${ms(took)}; ${pairs.length} pairs (email ${by('email')}, phone ${by('phone')}, ` +
          `name + address ${by('name_address')}; ${planted} planted)`,
      );
    }
    console.log(`load after duplicates: ${uptime()}`);
  } finally {
    await handle.close();
  }
}

await main();
