/**
 * EXPLAIN (ANALYZE, BUFFERS) of the duplicate-candidates query on a database kept by main.ts:
 * `DATABASE_URL=… BENCH_KEEP_DB=<db> npx tsx bench/people-search/explain-duplicates.ts`.
 */
import { type CompiledQuery, type KyselyPlugin, sql } from 'kysely';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { findCandidates } from '../../src/features/supporters/merge/merge.repository.ts';
import { openDatabase } from '../supporters/fixture.ts';
import { loadPeople, scopeOf } from './load.ts';

const handle = await openDatabase({ keep: process.env.BENCH_KEEP_DB });
try {
  await migrateToLatest(handle.db);
  const { big } = await loadPeople(handle, Number(process.env.BENCH_ROWS ?? 1_000_000));
  const executor = handle.db.getExecutor();
  const sent: CompiledQuery[] = [];
  const spy: KyselyPlugin = {
    transformQuery: (args) => {
      sent.push(executor.compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  await findCandidates(handle.db.withPlugin(spy), scopeOf(big), 100);
  // In one transaction, as the query runs: its `set local` applies to the EXPLAIN too.
  await handle.db.transaction().execute(async (trx) => {
    for (const compiled of sent) {
      console.log(compiled.sql);
      if (!/^\s*\(?\s*select/i.test(compiled.sql)) {
        await trx.executeQuery(compiled);
        continue;
      }
      const plan = sql.raw(`explain (analyze, buffers) ${compiled.sql}`).compile(trx);
      const result = await trx.executeQuery<{ 'QUERY PLAN': string }>({
        ...plan,
        parameters: compiled.parameters,
      });
      for (const row of result.rows) console.log(row['QUERY PLAN']);
    }
  });
} finally {
  await handle.close();
}
