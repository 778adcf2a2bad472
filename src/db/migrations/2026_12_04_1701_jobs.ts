import { type Kysely, sql } from 'kysely';

/**
 * The embedded database's job queue (src/jobs/local-queue.ts, docs/decisions/0017): one row per
 * job, so a job survives a restart of the one process that may open a PGlite data directory.
 * On PostgreSQL the jobs live in pg-boss's own schema instead and this table stays empty.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('queue', 'text', (col) => col.notNull())
    // At most one unfinished job per key in a queue (a pact run's id, a close slot).
    .addColumn('key', 'text')
    .addColumn('data', 'jsonb', (col) => col.notNull())
    .addColumn('state', 'text', (col) =>
      col.notNull().check(sql`state in ('created', 'retry', 'active', 'completed', 'failed')`),
    )
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('run_after', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await sql`create unique index jobs_one_unfinished_per_key on jobs (queue, key) where state in ('created', 'retry', 'active')`.execute(
    db,
  );
  // What the runner asks for at every poll: the next due job of a queue.
  await sql`create index jobs_due_idx on jobs (queue, run_after) where state in ('created', 'retry')`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
