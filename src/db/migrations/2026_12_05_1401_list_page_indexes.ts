import type { Kysely } from 'kysely';

/**
 * Keyset pages (issue 14, src/contract/cursor.ts): each list that pages is read as "the next `limit`
 * rows after the cursor in the list's order", so each needs an index in that order, led by the
 * coalition, for a page to be an index range scan rather than a sort of the coalition's every row.
 * The pacts list walks its index backwards (newest first); a btree serves both directions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('pacts_coalition_created_idx')
    .on('pacts')
    .columns(['coalition_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('candidates_coalition_created_idx')
    .on('candidates')
    .columns(['coalition_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('petition_drives_coalition_due_idx')
    .on('petition_drives')
    .columns(['coalition_id', 'due_day', 'name', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('petition_drives_coalition_due_idx').execute();
  await db.schema.dropIndex('candidates_coalition_created_idx').execute();
  await db.schema.dropIndex('pacts_coalition_created_idx').execute();
}
