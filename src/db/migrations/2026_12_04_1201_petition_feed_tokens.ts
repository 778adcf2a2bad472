import { type Kysely, sql } from 'kysely';

/**
 * Calendar feed tokens (docs/ballot-access.md, "Calendar"): a calendar application fetches the
 * petitions iCal feed without a session, through a per-user secret in the URL. Only its SHA-256
 * is stored; rotating revokes the old one, and at most one token per user and coalition is live.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('petition_feed_tokens')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('coalition_id', 'uuid', (col) => col.notNull().references('coalitions.id'))
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('petition_feed_tokens_live_idx')
    .on('petition_feed_tokens')
    .columns(['coalition_id', 'user_id'])
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('petition_feed_tokens').execute();
}
