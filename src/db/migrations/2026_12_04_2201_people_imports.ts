import { type Kysely, sql } from 'kysely';

/**
 * Imports started from the web app run as durable jobs (docs/supporters.md, docs/decisions/0017):
 * the request stores the file in the database (any app server may take the job; a file on one
 * server's disk would not reach the others) and an import row the web app polls.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('people_imports')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('requested_by', 'uuid', (col) => col.notNull())
    // The role the import was requested with: the job acts as that member's organizer.
    .addColumn('requested_role', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_bytes', 'integer', (col) => col.notNull())
    .addColumn('options', 'jsonb', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('queued', 'running', 'done', 'failed')`),
    )
    .addColumn('report', 'jsonb')
    .addColumn('error', 'jsonb')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addForeignKeyConstraint('people_imports_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();
  await sql`create index people_imports_owner_idx on people_imports (coalition_id, organization_id, created_at)`.execute(
    db,
  );
  // Apart from the import row, so the import's transaction (which locks that row) never waits on it.
  await db.schema
    .createTable('people_import_progress')
    .addColumn('import_id', 'uuid', (col) =>
      col.primaryKey().references('people_imports.id').onDelete('cascade'),
    )
    .addColumn('rows', 'integer', (col) => col.notNull())
    .addColumn('bytes', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  // The uploaded file, deleted when its import ends.
  await db.schema
    .createTable('people_import_files')
    .addColumn('import_id', 'uuid', (col) =>
      col.primaryKey().references('people_imports.id').onDelete('cascade'),
    )
    .addColumn('content', 'bytea', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('people_import_files').execute();
  await db.schema.dropTable('people_import_progress').execute();
  await db.schema.dropTable('people_imports').execute();
}
