import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { type Viewer, visibleTo } from '../../map/index.ts';

/** The few reads the public candidate lookup needs, none of the heavy jsonb (votes, engine input). */

/** The races of some pacts, with where they are held. */
export function listRaceAreas(db: Db, pactIds: readonly string[]) {
  if (pactIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pact_races')
    .select([
      'pact_id',
      'key',
      'ordinal',
      'name',
      'seats',
      'jurisdiction_id',
      'jurisdiction_keys',
      'map_race_id',
    ])
    .where('pact_id', 'in', pactIds)
    .orderBy('pact_id')
    .orderBy('ordinal')
    .execute();
}
export type RaceAreaRow = Awaited<ReturnType<typeof listRaceAreas>>[number];

/** A version's assignments (race key → member key) and labels, without its input. */
export function findAssignments(db: Db, pactId: string, number: number) {
  return db
    .selectFrom('pact_versions')
    .select([sql<unknown>`result->'assignments'`.as('assignments'), 'labels'])
    .where('pact_id', '=', pactId)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Jurisdictions by id with their parent, as the viewer may see them (reference, own coalition). */
export function findJurisdictionNodes(db: Db, viewer: Viewer, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('jurisdictions')
    .select(['id', 'parent_id', 'kind', 'code', 'name'])
    .where('id', 'in', ids)
    .where(visibleTo('jurisdictions.coalition_id', viewer))
    .execute();
}
export type JurisdictionNode = Awaited<ReturnType<typeof findJurisdictionNodes>>[number];

/**
 * A reference jurisdiction (by id, or by kind and code) and those above it, nearest first, in one
 * statement: the place's own row by the primary key or `jurisdictions_natural_key`, each parent by
 * the primary key.
 */
export async function findPlaceChain(
  db: Db,
  place: { id: string } | { kind: string; code: string },
  maxDepth: number,
): Promise<JurisdictionNode[]> {
  const start =
    'id' in place
      ? sql<boolean>`id = ${place.id}`
      : sql<boolean>`kind = ${place.kind} and code = ${place.code}`;
  const { rows } = await sql<JurisdictionNode>`
    with recursive chain (id, parent_id, kind, code, name, depth) as (
      select id, parent_id, kind, code, name, 0 from jurisdictions
      where coalition_id is null and ${start}
      union all
      select j.id, j.parent_id, j.kind, j.code, j.name, chain.depth + 1
      from chain join jurisdictions j on j.id = chain.parent_id
      where j.coalition_id is null and chain.depth < ${sql.lit(maxDepth)}
    )
    select id, parent_id, kind, code, name from chain order by depth`.execute(db);
  return rows;
}

/** The reference map's House districts (`congressional_district`), by code. */
export function listReferenceDistricts(db: Db) {
  return db
    .selectFrom('jurisdictions')
    .select(['id', 'code'])
    .where('kind', '=', 'congressional_district')
    .where('coalition_id', 'is', null)
    .execute();
}
