import { type Kysely, sql } from 'kysely';

/**
 * Each audit event carries a hash of the rows it produced (docs/security.md, "Verifying a
 * coalition's audit chain from outside"). A ballot row's hash must not let anyone who reads the
 * published list (receipt and content) test which organization cast which ballot, so the hashed
 * state includes a random nonce that is never published. gen_random_uuid() draws from the
 * server's strong random source.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('ballots')
    .addColumn('row_nonce', 'text', (col) => col.notNull().defaultTo(sql`gen_random_uuid()::text`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ballots').dropColumn('row_nonce').execute();
}
