import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { type Viewer, visibleTo } from './visibility.ts';

/** Which units to read: those of a race, of a jurisdiction, of a set, or the race-level units of an election. */
export type UnitFilter =
  | { by: 'race'; raceId: string }
  | { by: 'jurisdiction'; jurisdictionId: string; setId?: string | undefined }
  | { by: 'set'; setId: string }
  | { by: 'election'; electionId: string; office?: string | undefined; stage?: string | undefined };

function filteredUnits(db: Db, viewer: Viewer, filter: UnitFilter) {
  let query = db
    .selectFrom('result_units as u')
    .innerJoin('result_sets as rs', 'rs.id', 'u.result_set_id')
    .innerJoin('jurisdictions as j', 'j.id', 'u.jurisdiction_id')
    .where(visibleTo('u.coalition_id', viewer));
  if (filter.by === 'race') return query.where('u.race_id', '=', filter.raceId);
  if (filter.by === 'set') return query.where('u.result_set_id', '=', filter.setId);
  if (filter.by === 'jurisdiction') {
    query = query.where('u.jurisdiction_id', '=', filter.jurisdictionId);
    return filter.setId ? query.where('u.result_set_id', '=', filter.setId) : query;
  }
  // A race-level unit reports the race's own jurisdiction (a state's total, a district's).
  let raceLevel = query
    .innerJoin('races as r', (join) =>
      join.onRef('r.id', '=', 'u.race_id').onRef('r.jurisdiction_id', '=', 'u.jurisdiction_id'),
    )
    .where('r.election_id', '=', filter.electionId);
  if (filter.office) raceLevel = raceLevel.where('r.office', '=', filter.office);
  if (filter.stage) raceLevel = raceLevel.where('r.stage', '=', filter.stage);
  return raceLevel;
}

export function listUnits(db: Db, viewer: Viewer, filter: UnitFilter) {
  return filteredUnits(db, viewer, filter)
    .select([
      'u.result_set_id',
      'u.jurisdiction_id',
      'u.race_id',
      'u.total_votes',
      'u.invalid_votes',
      'u.registered',
      'u.published_lean',
      'rs.slug as set_slug',
      'rs.name as set_name',
      'j.kind',
      'j.code',
      'j.name',
      'j.parent_id',
    ])
    .orderBy('rs.slug')
    .orderBy('j.kind')
    .orderBy('j.code')
    .execute();
}
export type UnitRow = Awaited<ReturnType<typeof listUnits>>[number];

export function listVotes(db: Db, viewer: Viewer, filter: UnitFilter) {
  const units = filteredUnits(db, viewer, filter).select(['u.result_set_id', 'u.jurisdiction_id']);
  return db
    .selectFrom('result_votes as v')
    .innerJoin(units.as('fu'), (join) =>
      join
        .onRef('fu.result_set_id', '=', 'v.result_set_id')
        .onRef('fu.jurisdiction_id', '=', 'v.jurisdiction_id'),
    )
    .select([
      'v.result_set_id',
      'v.jurisdiction_id',
      'v.candidate',
      'v.line',
      'v.party',
      'v.votes',
      'v.outcome',
    ])
    .orderBy('v.votes', 'desc')
    .orderBy('v.candidate')
    .orderBy('v.line')
    .execute();
}
export type VoteRow = Awaited<ReturnType<typeof listVotes>>[number];

/** Democratic and Republican votes of whole result sets: the reference each unit's lean is measured against. */
export function setTwoPartyTotals(db: Db, setIds: readonly string[]) {
  if (setIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('result_votes')
    .select([
      'result_set_id',
      sql<number>`coalesce(sum(votes) filter (where party = 'DEM'), 0)`.as('dem'),
      sql<number>`coalesce(sum(votes) filter (where party = 'REP'), 0)`.as('rep'),
    ])
    .where('result_set_id', 'in', setIds)
    .groupBy('result_set_id')
    .execute();
}
