import { type Kysely, sql } from 'kysely';

/**
 * Reads never write (docs/decisions/0012): the close job asks every few seconds for open decisions
 * whose window has passed, and each cached public answer asks for the coalition's next deadline.
 * Few decisions are open at a time, so a partial index on them keeps both answers a lookup.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('decisions_open_deadline_idx')
    .on('decisions')
    .columns(['coalition_id', 'closes_at'])
    .where(sql.ref('status'), '=', 'open')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('decisions_open_deadline_idx').execute();
}
