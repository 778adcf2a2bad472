import type { Kysely } from 'kysely';

/**
 * Keyset pages (issue 14, src/contract/cursor.ts) for the last two lists that loaded whole: the
 * members directory, read in name order, and the races a candidate may be proposed for, searched
 * and read in name order. Each page is an index range in that order, led by the coalition (the
 * filters of either list are checked on the rows the range walks), rather than a sort of every row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('organizations_coalition_name_idx')
    .on('organizations')
    .columns(['coalition_id', 'name', 'id'])
    .execute();
  await db.schema
    .createIndex('races_coalition_name_idx')
    .on('races')
    .columns(['coalition_id', 'name', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('races_coalition_name_idx').execute();
  await db.schema.dropIndex('organizations_coalition_name_idx').execute();
}
