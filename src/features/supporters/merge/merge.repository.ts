import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { Scope } from '../people.repository.ts';

/** Duplicate candidates and merges, inside one owner's people only. */

export interface CandidateRow {
  a: string;
  b: string;
  reason: 'email' | 'phone' | 'name_address';
  score: number;
}

/**
 * Pairs that look like one person: a shared normalized email or phone, or names that are close
 * (pg_trgm similarity) at the same postal code or in the same county with close addresses.
 */
export async function findCandidates(db: Db, scope: Scope, limit: number): Promise<CandidateRow[]> {
  const { rows } = await sql<CandidateRow>`
    with mine as (
      select id, emails, phones, first_name || ' ' || last_name as name, postal_code, county_fips, address_line1
      from people where coalition_id = ${scope.coalitionId} and organization_id = ${scope.organizationId} and merged_into is null
    )
    (select a.id as a, b.id as b, 'email' as reason, 1.0::float8 as score from mine a join mine b
       on a.id < b.id and a.emails && b.emails limit ${limit})
    union all
    (select a.id, b.id, 'phone', 1.0::float8 from mine a join mine b
       on a.id < b.id and a.phones && b.phones and not (a.emails && b.emails) limit ${limit})
    union all
    (select a.id, b.id, 'name_address', similarity(a.name, b.name)::float8 from mine a join mine b
       on a.id < b.id and not (a.emails && b.emails) and not (a.phones && b.phones)
       and ((a.postal_code <> '' and a.postal_code = b.postal_code)
         or (a.county_fips = b.county_fips and a.address_line1 <> '' and similarity(a.address_line1, b.address_line1) > 0.5))
       and similarity(a.name, b.name) > 0.55
     order by 4 desc limit ${limit})`.execute(db);
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

export function insertMerge(
  db: Db,
  scope: Scope,
  row: {
    survivor_id: string;
    merged_id: string;
    survivor_before: string;
    moved: string;
    choices: string;
    merged_by: string;
  },
) {
  return db
    .insertInto('people_merges')
    .values({ ...row, coalition_id: scope.coalitionId, organization_id: scope.organizationId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findMerge(db: Db, scope: Scope, id: string) {
  return db
    .selectFrom('people_merges')
    .selectAll()
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The merges into a survivor that still stand, newest first (only the newest can be undone). */
export function standingMergesInto(db: Db, scope: Scope, survivorId: string) {
  return db
    .selectFrom('people_merges')
    .selectAll()
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('survivor_id', '=', survivorId)
    .where('undone_at', 'is', null)
    .orderBy('merged_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function listStandingMerges(db: Db, scope: Scope) {
  return db
    .selectFrom('people_merges')
    .select(['id', 'survivor_id', 'merged_id', 'merged_at'])
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('undone_at', 'is', null)
    .orderBy('merged_at', 'desc')
    .limit(100)
    .execute();
}

export function markUndone(db: Db, id: string, at: Date) {
  return db.updateTable('people_merges').set({ undone_at: at }).where('id', '=', id).execute();
}

export interface MovedHistory {
  consents: string[];
  activities: string[];
  linksA: string[];
  linksB: string[];
}

/** Re-points the history of one person to another (both of this owner), returning what moved. */
export async function moveHistory(db: Db, scope: Scope, from: string, to: string): Promise<MovedHistory> {
  const consents = await db
    .updateTable('person_consents')
    .set({ person_id: to })
    .where('organization_id', '=', scope.organizationId)
    .where('person_id', '=', from)
    .returning('id')
    .execute();
  const activities = await db
    .updateTable('person_activities')
    .set({ person_id: to })
    .where('organization_id', '=', scope.organizationId)
    .where('person_id', '=', from)
    .returning('id')
    .execute();
  const linksA = await db
    .updateTable('person_links')
    .set({ person_a: to })
    .where('organization_a', '=', scope.organizationId)
    .where('person_a', '=', from)
    .returning('id')
    .execute();
  const linksB = await db
    .updateTable('person_links')
    .set({ person_b: to })
    .where('organization_b', '=', scope.organizationId)
    .where('person_b', '=', from)
    .returning('id')
    .execute();
  return {
    consents: consents.map((r) => r.id),
    activities: activities.map((r) => r.id),
    linksA: linksA.map((r) => r.id),
    linksB: linksB.map((r) => r.id),
  };
}

/** Undo of moveHistory: exactly the rows that moved go back. */
export async function moveHistoryBack(db: Db, scope: Scope, moved: MovedHistory, to: string): Promise<void> {
  if (moved.consents.length)
    await db
      .updateTable('person_consents')
      .set({ person_id: to })
      .where('organization_id', '=', scope.organizationId)
      .where('id', 'in', moved.consents)
      .execute();
  if (moved.activities.length)
    await db
      .updateTable('person_activities')
      .set({ person_id: to })
      .where('organization_id', '=', scope.organizationId)
      .where('id', 'in', moved.activities)
      .execute();
  if (moved.linksA.length)
    await db
      .updateTable('person_links')
      .set({ person_a: to })
      .where('organization_a', '=', scope.organizationId)
      .where('id', 'in', moved.linksA)
      .execute();
  if (moved.linksB.length)
    await db
      .updateTable('person_links')
      .set({ person_b: to })
      .where('organization_b', '=', scope.organizationId)
      .where('id', 'in', moved.linksB)
      .execute();
}

export function setMergedInto(db: Db, scope: Scope, id: string, survivor: string | null) {
  return db
    .updateTable('people')
    .set({ merged_into: survivor })
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', id)
    .execute();
}
