import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';

/** Reads an import compares its file with, and the one write only imports do. */

/** Jurisdictions by kind and code: the coalition's own and the reference ones (never another coalition's). */
export function findJurisdictionsByKeys(
  db: Db,
  coalitionId: string,
  keys: ReadonlyArray<{ kind: string; code: string }>,
) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('jurisdictions')
    .select(['id', 'coalition_id', 'kind', 'code', 'name', 'parent_id', 'country', 'geometry'])
    .where(sql<boolean>`(kind, code) in (${sql.join(keys.map((k) => sql`(${k.kind}, ${k.code})`))})`)
    .where(sql<boolean>`(coalition_id is null or coalition_id = ${coalitionId})`)
    .execute();
}

const none = ['00000000-0000-0000-0000-000000000000'];
const orNone = (ids: readonly string[]) => (ids.length > 0 ? [...ids] : none);

export function findOwnElections(db: Db, coalitionId: string, ids: readonly string[]) {
  return db
    .selectFrom('elections')
    .select(['id', 'name', sql<string>`election_date::text`.as('date')])
    .where('coalition_id', '=', coalitionId)
    .where('id', 'in', orNone(ids))
    .execute();
}

export function findOwnRaces(db: Db, coalitionId: string, ids: readonly string[]) {
  return db
    .selectFrom('races')
    .select(['id', 'name', 'seats', sql<string | null>`filing_deadline::text`.as('filing_deadline')])
    .where('coalition_id', '=', coalitionId)
    .where('id', 'in', orNone(ids))
    .execute();
}

export function findOwnUnits(db: Db, coalitionId: string, setIds: readonly string[]) {
  return db
    .selectFrom('result_units')
    .select(['result_set_id', 'jurisdiction_id', 'race_id', 'total_votes'])
    .where('coalition_id', '=', coalitionId)
    .where('result_set_id', 'in', orNone(setIds))
    .execute();
}

export function findOwnVotes(db: Db, coalitionId: string, setIds: readonly string[]) {
  return db
    .selectFrom('result_votes')
    .select(['result_set_id', 'jurisdiction_id', 'candidate', 'line', 'party', 'votes'])
    .where('coalition_id', '=', coalitionId)
    .where('result_set_id', 'in', orNone(setIds))
    .execute();
}

/** Removes units (their votes go with them) that an import replaces. */
export async function deleteOwnUnits(
  db: Db,
  coalitionId: string,
  units: ReadonlyArray<{ result_set_id: string; jurisdiction_id: string }>,
): Promise<void> {
  if (units.length === 0) return;
  await db
    .deleteFrom('result_units')
    .where('coalition_id', '=', coalitionId)
    .where(
      sql<boolean>`(result_set_id, jurisdiction_id) in (${sql.join(
        units.map((u) => sql`(${u.result_set_id}::uuid, ${u.jurisdiction_id}::uuid)`),
      )})`,
    )
    .execute();
}

export function findCoalitionBySlug(db: Db, slug: string) {
  return db.selectFrom('coalitions').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
}
