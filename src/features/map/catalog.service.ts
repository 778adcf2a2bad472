import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import * as repo from './catalog.repository.ts';
import type {
  ElectionView,
  JurisdictionView,
  ListJurisdictionsQuery,
  ListRacesQuery,
  RaceView,
  ResultSetView,
} from './map.schema.ts';
import { toElectionView, toJurisdictionView, toRaceView, toResultSetView } from './views.ts';
import type { Viewer } from './visibility.ts';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** Jurisdictions by kind, parent, exact code or name search, a page at a time. */
export async function listJurisdictions(
  db: Db,
  viewer: Viewer,
  query: ListJurisdictionsQuery,
): Promise<Page<JurisdictionView>> {
  const { items, total } = await repo.listJurisdictions(db, viewer, query);
  return { items: items.map(toJurisdictionView), total, limit: query.limit, offset: query.offset };
}

export async function getJurisdiction(db: Db, viewer: Viewer, id: string): Promise<JurisdictionView> {
  const row = await repo.findJurisdiction(db, viewer, id);
  if (!row) throw notFound('map.jurisdiction_not_found', `No jurisdiction ${id}.`);
  return toJurisdictionView(row);
}

export async function listElections(db: Db, viewer: Viewer, country?: string): Promise<ElectionView[]> {
  return (await repo.listElections(db, viewer, country)).map(toElectionView);
}

/** The races of an election, a page at a time. */
export async function listRaces(
  db: Db,
  viewer: Viewer,
  electionId: string,
  query: ListRacesQuery,
): Promise<Page<RaceView>> {
  const election = await repo.findElection(db, viewer, electionId);
  if (!election) throw notFound('map.election_not_found', `No election ${electionId}.`);
  const { items, total } = await repo.listRaces(db, viewer, electionId, query);
  return { items: items.map(toRaceView), total, limit: query.limit, offset: query.offset };
}

export async function getRace(db: Db, viewer: Viewer, id: string): Promise<RaceView> {
  const row = await repo.findRace(db, viewer, id);
  if (!row) throw notFound('map.race_not_found', `No race ${id}.`);
  return toRaceView(row);
}

export async function listResultSets(
  db: Db,
  viewer: Viewer,
  filter: { election?: string | undefined; measure?: string | undefined; unitKind?: string | undefined },
): Promise<ResultSetView[]> {
  return (await repo.listResultSets(db, viewer, filter)).map(toResultSetView);
}

export async function getResultSet(db: Db, viewer: Viewer, idOrSlug: string): Promise<ResultSetView> {
  const row = await repo.findResultSet(db, viewer, idOrSlug);
  if (!row) throw notFound('map.result_set_not_found', `No result set "${idOrSlug}".`);
  return toResultSetView(row);
}
