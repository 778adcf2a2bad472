import type { Insertable, Selectable, Updateable } from 'kysely';
import type { CursorKey } from '../../contract/cursor.ts';
import type { Db } from '../../db/database.ts';
import type { DecisionsTable } from '../../db/tables/governance.ts';

export type DecisionRow = Selectable<DecisionsTable>;

/**
 * Casts and closes both lock the decision row for update. Shared locks for casts would let a
 * steady stream of casts starve a close (PostgreSQL lets new sharers in while an updater waits);
 * they would buy no parallelism either, since the audit chain serializes a coalition's writes.
 */
export function findDecision(db: Db, coalitionId: string, id: string, lock: 'update' | null = null) {
  let query = db
    .selectFrom('decisions')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', id);
  if (lock === 'update') query = query.forUpdate();
  return query.executeTakeFirst();
}

export function listDecisions(
  db: Db,
  coalitionId: string,
  filter: {
    kind?: DecisionRow['kind'] | undefined;
    /** A keyset page: `limit + 1` rows after the (closes_at, id) of `after`, both descending. */
    limit?: number | undefined;
    after?: CursorKey | undefined;
  },
) {
  let query = db.selectFrom('decisions').selectAll().where('coalition_id', '=', coalitionId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.after) {
    const [closesAt, id] = filter.after;
    query = query.where((eb) =>
      eb(eb.refTuple('closes_at', 'id'), '<', eb.tuple(new Date(String(closesAt)), String(id))),
    );
  }
  if (filter.limit !== undefined) query = query.limit(filter.limit + 1);
  return query.orderBy('closes_at', 'desc').orderBy('id', 'desc').execute();
}

/** Open decisions whose window has passed, in a fixed order so concurrent closers lock alike. */
export function listDueDecisionIds(db: Db, coalitionId: string, now: Date) {
  return db
    .selectFrom('decisions')
    .select('id')
    .where('coalition_id', '=', coalitionId)
    .where('status', '=', 'open')
    .where('closes_at', '<=', now)
    .orderBy('id')
    .execute();
}

/** When the next open decision of a coalition ends its window (a public answer may change then). */
export async function findNextDeadline(db: Db, coalitionId: string, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('decisions')
    .select((eb) => eb.fn.min('closes_at').as('next'))
    .where('coalition_id', '=', coalitionId)
    .where('status', '=', 'open')
    .where('closes_at', '>', now)
    .executeTakeFirst();
  return row?.next ? new Date(row.next) : null;
}

/** Every coalition's open decisions whose window has passed (the close job; few rows). */
export function listAllDueDecisions(db: Db, now: Date) {
  return db
    .selectFrom('decisions')
    .select(['id', 'coalition_id'])
    .where('status', '=', 'open')
    .where('closes_at', '<=', now)
    .orderBy('id')
    .execute();
}

export function findOpenDecisionOnSubject(db: Db, coalitionId: string, organizationId: string) {
  return db
    .selectFrom('decisions')
    .select(['id', 'kind', 'title'])
    .where('coalition_id', '=', coalitionId)
    .where('subject_organization_id', '=', organizationId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export function insertDecision(db: Db, row: Insertable<DecisionsTable>) {
  return db.insertInto('decisions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateDecision(db: Db, id: string, patch: Updateable<DecisionsTable>) {
  return db.updateTable('decisions').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function findOrganizationNames(db: Db, coalitionId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'status'])
    .where('coalition_id', '=', coalitionId)
    .where('id', 'in', ids)
    .execute();
}

export function listVotingMembers(db: Db, coalitionId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('coalition_id', '=', coalitionId)
    .where('status', '=', 'member')
    .where('kind', '!=', 'chapter')
    .orderBy('name')
    .execute();
}

/** Where some decisions stand, without their roll, body or tally: what a public page may say. */
export function findDecisionStandings(db: Db, coalitionId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('decisions')
    .select(['id', 'title', 'status', 'outcome', 'opens_at', 'closes_at', 'closed_at'])
    .where('coalition_id', '=', coalitionId)
    .where('id', 'in', ids)
    .execute();
}
