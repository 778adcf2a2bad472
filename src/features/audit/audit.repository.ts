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
  const locked = () =>
    db
      .selectFrom('audit_heads')
      .select(['seq', 'hash'])
      .where('coalition_id', '=', coalitionId)
      .forUpdate()
      .executeTakeFirst();
  // The head exists after a coalition's first event: one statement then. (An insert that does
  // nothing on conflict first would wait for every concurrent appender, as the lock does, twice.)
  const head = await locked();
  if (head) return head;
  await db
    .insertInto('audit_heads')
    .values({ coalition_id: coalitionId, seq: 0, hash: genesisHash })
    .onConflict((oc) => oc.column('coalition_id').doNothing())
    .execute();
  const created = await locked();
  if (!created) throw new Error(`audit head of ${coalitionId} missing after its insert`);
  return created;
}

/** One statement (a data-modifying CTE): the head stays locked for one round trip less. */
export async function insertEventAndAdvanceHead(db: Db, event: Insertable<AuditEventsTable>): Promise<void> {
  await db
    .with('appended', (q) => q.insertInto('audit_events').values(event))
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

/** The coalition's public version and the map's (migration 2026_12_06_2301), one row each at most. */
export function findPublicVersions(db: Db, coalitionId: string) {
  return db
    .selectFrom('public_versions')
    .select(['scope', sql<string>`version::text`.as('version')])
    .where('scope', 'in', [coalitionId, '*'])
    .execute();
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

/**
 * A page of the log for people: newest first (before `beforeSeq`) or in chain order (after
 * `afterSeq`), filtered by action and by free text (action, payload, subject or the actor's name),
 * each with the name of the user who acted.
 */
export function browseEvents(
  db: Db,
  coalitionId: string,
  page: {
    order: 'asc' | 'desc';
    afterSeq: number;
    beforeSeq?: number | undefined;
    limit: number;
    action?: string | undefined;
    subjectId?: string | undefined;
    q?: string | undefined;
  },
) {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', (join) => join.on(sql<boolean>`users.id::text = audit_events.actor->>'userId'`))
    .select([
      'audit_events.seq',
      'audit_events.at',
      'audit_events.actor',
      'audit_events.action',
      'audit_events.subject',
      'audit_events.payload',
      'audit_events.prev_hash',
      'audit_events.hash',
      'users.display_name as actor_name',
    ])
    .where('audit_events.coalition_id', '=', coalitionId)
    .where('audit_events.seq', '>', page.afterSeq);
  if (page.beforeSeq !== undefined) query = query.where('audit_events.seq', '<', page.beforeSeq);
  if (page.action) query = query.where('audit_events.action', '=', page.action);
  if (page.subjectId) query = query.where(sql<string>`audit_events.subject->>'id'`, '=', page.subjectId);
  if (page.q) {
    const pattern = `%${page.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`(audit_events.action ilike ${pattern} or audit_events.payload::text ilike ${pattern}
        or coalesce(audit_events.subject::text, '') ilike ${pattern} or coalesce(users.display_name, '') ilike ${pattern})`,
    );
  }
  return query.orderBy('audit_events.seq', page.order).limit(page.limit).execute();
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
