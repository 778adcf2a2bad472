import { type Insertable, sql } from 'kysely';
import { genesisHash } from '../../core/audit/chain.ts';
import type { Db } from '../../db/database.ts';
import type { AuditEventsTable } from '../../db/tables/governance.ts';

/**
 * Locks the coalition's chain head for the rest of the transaction and returns it. Every
 * appender goes through this row lock, so appends to one chain are serialized and never fork;
 * the (coalition_id, seq) primary key would refuse a fork even if they were not.
 */
export async function lockHead(db: Db, coalitionId: string): Promise<{ seq: number; hash: string }> {
  await db
    .insertInto('audit_heads')
    .values({ coalition_id: coalitionId, seq: 0, hash: genesisHash })
    .onConflict((oc) => oc.column('coalition_id').doNothing())
    .execute();
  return db
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('coalition_id', '=', coalitionId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function insertEventAndAdvanceHead(db: Db, event: Insertable<AuditEventsTable>): Promise<void> {
  await db.insertInto('audit_events').values(event).execute();
  await db
    .updateTable('audit_heads')
    .set({ seq: event.seq, hash: event.hash })
    .where('coalition_id', '=', event.coalition_id)
    .execute();
}

export function findHead(db: Db, coalitionId: string) {
  return db
    .selectFrom('audit_heads')
    .select(['seq', 'hash'])
    .where('coalition_id', '=', coalitionId)
    .executeTakeFirst();
}

const eventColumns = ['seq', 'at', 'actor', 'action', 'subject', 'payload', 'prev_hash', 'hash'] as const;

/** Events after `afterSeq` in chain order, a page at a time. */
export function listEvents(
  db: Db,
  coalitionId: string,
  page: { afterSeq: number; limit: number; action?: string | undefined; subjectId?: string | undefined },
) {
  let query = db
    .selectFrom('audit_events')
    .select(eventColumns)
    .where('coalition_id', '=', coalitionId)
    .where('seq', '>', page.afterSeq);
  if (page.action) query = query.where('action', '=', page.action);
  if (page.subjectId) query = query.where(sql<string>`subject->>'id'`, '=', page.subjectId);
  return query.orderBy('seq').limit(page.limit).execute();
}

export function latestEvents(db: Db, coalitionId: string, limit: number) {
  return db
    .selectFrom('audit_events')
    .select(eventColumns)
    .where('coalition_id', '=', coalitionId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
}

export function findEventTime(db: Db, coalitionId: string, seq: number) {
  return db
    .selectFrom('audit_events')
    .select('at')
    .where('coalition_id', '=', coalitionId)
    .where('seq', '=', seq)
    .executeTakeFirst();
}
