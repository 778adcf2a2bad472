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

/** How many people the fuzzy-name pass probes through the trigram index, at most, per call. */
export const nameProbeCap = 20_000;

/**
 * Pairs that look like one person, found by blocking, never by comparing every pair:
 * - a shared normalized email, or phone: the contacts are unnested and grouped by a 32-bit hash of
 *   the contact (a sort of integers, where grouping or joining the text spilled to disk at a million
 *   rows), and each pair inside a group is then checked to share a contact really (two contacts
 *   may share a hash);
 * - close names (pg_trgm similarity > 0.55) at the same postal code, read through
 *   `people_postal_idx` (a postal code holds a few dozen people, not a million); or, for a person
 *   without a postal code, close names in the same county with close addresses, found by probing
 *   the trigram GIN index on the names (`%`), the address checked on those only. The probe runs
 *   over at most `nameProbeCap` people with an address, newest id first (ordered import ids are
 *   time-ordered), and stops once `limit` pairs are found.
 */
export function findCandidates(db: Db, scope: Scope, limit: number): Promise<CandidateRow[]> {
  return db.isTransaction
    ? candidates(db, scope, limit)
    : db.transaction().execute((trx) => candidates(trx, scope, limit));
}

async function candidates(db: Db, scope: Scope, limit: number): Promise<CandidateRow[]> {
  // The planner's cost for this query (a million unnested contacts) is far past the JIT thresholds,
  // and at a million people compiling it took 4 to 7 s of a 10 s run for a query that is run once.
  await sql`set local jit = off`.execute(db);
  const owned = sql`coalition_id = ${scope.coalitionId} and organization_id = ${scope.organizationId} and merged_into is null`;
  const contactPairs = (column: 'emails' | 'phones') => sql`
    select distinct x.a, y.b
    from (select array_agg(id) as ids from (select id, unnest(${sql.ref(column)}) as c from people where ${owned}) u
          group by hashtext(c) having count(*) > 1) g
    cross join lateral unnest(g.ids) x(a)
    cross join lateral unnest(g.ids) y(b)
    where x.a < y.b and exists (select 1 from people p, people q
      where p.organization_id = ${scope.organizationId} and q.organization_id = ${scope.organizationId}
        and p.id = x.a and q.id = y.b and p.${sql.ref(column)} && q.${sql.ref(column)})`;
  const closeName = sql`similarity(a.search_text, b.search_text) > 0.55 and not (b.emails && a.emails) and not (b.phones && a.phones)`;
  const ownedB = sql`b.coalition_id = ${scope.coalitionId} and b.organization_id = ${scope.organizationId} and b.merged_into is null and b.id <> a.id`;
  const { rows } = await sql<CandidateRow>`
    (select a, b, 'email' as reason, 1.0::float8 as score from (${contactPairs('emails')}) e order by a, b limit ${limit})
    union all
    (select p.a, p.b, 'phone', 1.0::float8 from (${contactPairs('phones')}) p
       where not exists (select 1 from people x, people y where x.organization_id = ${scope.organizationId}
         and y.organization_id = ${scope.organizationId} and x.id = p.a and y.id = p.b and x.emails && y.emails)
       order by p.a, p.b limit ${limit})
    union all
    (select a.id, m.id, 'name_address', m.score from (
        select id, search_text, postal_code, county_fips, address_line1, emails, phones from people
        where ${owned} and search_text <> '' and (postal_code <> '' or address_line1 <> '')
        order by id desc limit ${nameProbeCap}
      ) a
      cross join lateral (
        select id, score from (
          select b.id, similarity(a.search_text, b.search_text)::float8 as score from people b
          where a.postal_code <> '' and b.postal_code = a.postal_code and b.postal_code <> '' and ${ownedB} and ${closeName}
          union all
          select b.id, similarity(a.search_text, b.search_text)::float8 from people b
          where a.postal_code = '' and a.address_line1 <> '' and b.search_text % a.search_text and ${ownedB}
            and ${closeName} and a.county_fips = b.county_fips and similarity(a.address_line1, b.address_line1) > 0.5
        ) c
        order by score desc limit 5
      ) m
      where a.id < m.id
      limit ${limit})`.execute(db);
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
