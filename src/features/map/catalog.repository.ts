import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ListJurisdictionsQuery, ListRacesQuery } from './map.schema.ts';
import { type Viewer, visibleTo } from './visibility.ts';

/** Reads of jurisdictions, elections, races and result sets, always filtered by `visibleTo`. */

const jurisdictionColumns = [
  'jurisdictions.id',
  'jurisdictions.coalition_id',
  'jurisdictions.kind',
  'jurisdictions.code',
  'jurisdictions.name',
  'jurisdictions.parent_id',
  'jurisdictions.country',
  'jurisdictions.abbr',
] as const;

function jurisdictionQuery(db: Db, viewer: Viewer, filter: Omit<ListJurisdictionsQuery, 'limit' | 'offset'>) {
  let query = db.selectFrom('jurisdictions').where(visibleTo('jurisdictions.coalition_id', viewer));
  if (filter.kind) query = query.where('jurisdictions.kind', '=', filter.kind);
  if (filter.parent) query = query.where('jurisdictions.parent_id', '=', filter.parent);
  if (filter.code) query = query.where('jurisdictions.code', '=', filter.code);
  if (filter.resultSet) {
    const set = filter.resultSet;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('result_units')
          .select('result_units.jurisdiction_id')
          .whereRef('result_units.jurisdiction_id', '=', 'jurisdictions.id')
          .where('result_units.result_set_id', '=', set),
      ),
    );
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`jurisdictions.name ilike ${pattern}`);
  }
  return query;
}

export async function listJurisdictions(db: Db, viewer: Viewer, filter: ListJurisdictionsQuery) {
  // One after the other: a transaction is one connection (and PGlite has only one).
  const items = await jurisdictionQuery(db, viewer, filter)
    .select(jurisdictionColumns)
    .orderBy('jurisdictions.kind')
    .orderBy('jurisdictions.code')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const count = await jurisdictionQuery(db, viewer, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { items, total: Number(count.n) };
}

export function findJurisdiction(db: Db, viewer: Viewer, id: string) {
  return db
    .selectFrom('jurisdictions')
    .select(jurisdictionColumns)
    .where('jurisdictions.id', '=', id)
    .where(visibleTo('jurisdictions.coalition_id', viewer))
    .executeTakeFirst();
}

export function listElections(db: Db, viewer: Viewer, country: string | undefined) {
  let query = db
    .selectFrom('elections')
    .select(['id', 'coalition_id', 'slug', 'name', 'country', sql<string>`election_date::text`.as('date')])
    .where(visibleTo('elections.coalition_id', viewer));
  if (country) query = query.where('country', '=', country);
  return query.orderBy('election_date', 'desc').orderBy('slug').execute();
}

export function findElection(db: Db, viewer: Viewer, id: string) {
  return db
    .selectFrom('elections')
    .select(['id', 'coalition_id', 'slug', 'name', 'country', sql<string>`election_date::text`.as('date')])
    .where('id', '=', id)
    .where(visibleTo('elections.coalition_id', viewer))
    .executeTakeFirst();
}

function raceQuery(db: Db, viewer: Viewer) {
  return db
    .selectFrom('races')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'races.jurisdiction_id')
    .where(visibleTo('races.coalition_id', viewer));
}

const raceColumns = [
  'races.id',
  'races.coalition_id',
  'races.election_id',
  'races.office',
  'races.stage',
  'races.name',
  'races.seats',
  sql<string | null>`races.filing_deadline::text`.as('filing_deadline'),
  'jurisdictions.id as jurisdiction_id',
  'jurisdictions.kind as jurisdiction_kind',
  'jurisdictions.code as jurisdiction_code',
  'jurisdictions.name as jurisdiction_name',
] as const;

export type RaceRow = Awaited<ReturnType<typeof findRace>> & {};

export async function listRaces(
  db: Db,
  viewer: Viewer,
  electionId: string,
  filter: Omit<ListRacesQuery, 'limit' | 'offset'> & Partial<Pick<ListRacesQuery, 'limit' | 'offset'>>,
) {
  let query = raceQuery(db, viewer).where('races.election_id', '=', electionId);
  if (filter.office) query = query.where('races.office', '=', filter.office);
  if (filter.stage) query = query.where('races.stage', '=', filter.stage);
  let items = query
    .select(raceColumns)
    .orderBy('races.office')
    .orderBy('jurisdictions.code')
    .orderBy('races.stage');
  if (filter.limit !== undefined) items = items.limit(filter.limit).offset(filter.offset ?? 0);
  const rows = await items.execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: rows, total: Number(count.n) };
}

export function findRace(db: Db, viewer: Viewer, id: string) {
  return raceQuery(db, viewer).select(raceColumns).where('races.id', '=', id).executeTakeFirst();
}

const resultSetColumns = [
  'id',
  'coalition_id',
  'slug',
  'name',
  'dataset_id',
  'election_id',
  'office',
  'unit_kind',
  'measure',
] as const;

export function listResultSets(
  db: Db,
  viewer: Viewer,
  filter: { election?: string | undefined; measure?: string | undefined; unitKind?: string | undefined },
) {
  let query = db
    .selectFrom('result_sets')
    .select(resultSetColumns)
    .where(visibleTo('result_sets.coalition_id', viewer));
  if (filter.election) query = query.where('election_id', '=', filter.election);
  if (filter.measure) query = query.where('measure', '=', filter.measure as 'votes' | 'lean');
  if (filter.unitKind) query = query.where('unit_kind', '=', filter.unitKind);
  return query.orderBy('slug').execute();
}

/** A result set by id or slug; a coalition's own set wins over a reference set of the same slug. */
export function findResultSet(db: Db, viewer: Viewer, idOrSlug: string) {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
  return db
    .selectFrom('result_sets')
    .select(resultSetColumns)
    .where(isId ? sql<boolean>`id = ${idOrSlug}::uuid` : sql<boolean>`slug = ${idOrSlug}`)
    .where(visibleTo('result_sets.coalition_id', viewer))
    .orderBy(sql`coalition_id is null`)
    .executeTakeFirst();
}
