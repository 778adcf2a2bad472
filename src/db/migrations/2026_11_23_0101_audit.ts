import { type Kysely, sql } from 'kysely';

// One hash chain per coalition (see docs/governance.md, "Audit chain"). audit_heads holds each
// chain's last seq and hash: appenders lock that row, so two writers never fork the chain, and
// verification compares it with the last event, so a chain cut short at the end is noticed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_heads')
    .addColumn('coalition_id', 'uuid', (col) => col.primaryKey().references('coalitions.id'))
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('coalition_id', 'uuid', (col) => col.notNull().references('coalitions.id'))
    .addColumn('seq', 'bigint', (col) => col.notNull().check(sql`seq > 0`))
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addColumn('actor', 'jsonb')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('subject', 'jsonb')
    .addColumn('payload', 'jsonb', (col) => col.notNull())
    .addColumn('prev_hash', 'text', (col) => col.notNull().check(sql`prev_hash ~ '^[0-9a-f]{64}$'`))
    .addColumn('hash', 'text', (col) => col.notNull().check(sql`hash ~ '^[0-9a-f]{64}$'`))
    .addPrimaryKeyConstraint('audit_events_pk', ['coalition_id', 'seq'])
    .execute();

  // Append-only in the database too: the application has no update or delete path, and these
  // triggers refuse one from anybody who does not first disable them as the table's owner.
  await sql`
    create function audit_events_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only: % refused', tg_op using errcode = '55000';
    end
    $$`.execute(db);
  await sql`
    create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_refuse_change()`.execute(db);
  await sql`
    create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_events_refuse_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_events').execute();
  await db.schema.dropTable('audit_heads').execute();
  await sql`drop function audit_events_refuse_change()`.execute(db);
}
