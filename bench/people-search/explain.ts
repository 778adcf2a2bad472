/**
 * EXPLAIN (ANALYZE, BUFFERS) of every query one people search sends, old plan and new, one query
 * per search shape: `DATABASE_URL=… BENCH_KEEP_DB=<db kept by main.ts> npx tsx bench/people-search/explain.ts [shape]`
 * on PostgreSQL, or without DATABASE_URL on PGlite (BENCH_ROWS people loaded first).
 */
import { type CompiledQuery, type KyselyPlugin, sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { listPeople } from '../../src/features/supporters/people.service.ts';
import { openDatabase } from '../supporters/fixture.ts';
import { loadPeople, scopeOf } from './load.ts';
import { oldSearch } from './old-plan.ts';
import { shapes } from './shapes.ts';

const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const handle = await openDatabase({ keep: process.env.BENCH_KEEP_DB });
try {
  await migrateToLatest(handle.db);
  const { big } = await loadPeople(handle, rows);
  await sql`analyze people`.execute(handle.db);
  await sql`analyze people_names`.execute(handle.db);
  const executor = handle.db.getExecutor();
  const sent: CompiledQuery[] = [];
  const spy: KyselyPlugin = {
    transformQuery: (args) => {
      sent.push(executor.compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const db = handle.db.withPlugin(spy);
  const only = process.argv[2];
  for (const shape of shapes(3, rows)) {
    if (only && !shape.name.includes(only)) continue;
    const query = shape.queries[2];
    if (!query) continue;
    const runs = [
      ['old', () => oldSearch(db, scopeOf(big), query)],
      ['new', () => listPeople(db, big, { ...query, limit: 100 })],
    ] as const;
    for (const [label, run] of runs) {
      sent.length = 0;
      await run();
      for (const compiled of [...sent]) {
        if (!/^select/i.test(compiled.sql) || compiled.sql.includes('supporter_keys')) continue;
        console.log(`\n### ${shape.name} ${JSON.stringify(query)} — ${label}\n${compiled.sql}`);
        const plan = sql.raw(`explain (analyze, buffers) ${compiled.sql}`).compile(handle.db);
        const result = await handle.db.executeQuery<{ 'QUERY PLAN': string }>({
          ...plan,
          parameters: compiled.parameters,
        });
        for (const row of result.rows) console.log(row['QUERY PLAN']);
      }
    }
  }
} finally {
  await handle.close();
}
