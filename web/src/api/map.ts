import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { JurisdictionKind } from '../../../src/features/map/kinds.ts';
import type {
  ElectionView,
  JurisdictionView,
  RaceView,
  RaceVotesView,
  ResultSetView,
  UnitResultView,
} from '../../../src/features/map/map.schema.ts';
import type { ShapeProperties } from '../../../src/features/map/shape-figures.ts';
import { api } from './client.ts';
import { queryString } from './queries.ts';

export type {
  ElectionView,
  JurisdictionKind,
  JurisdictionView,
  RaceView,
  RaceVotesView,
  ResultSetView,
  UnitResultView,
};

/** What the server paints on each us-atlas shape (docs/map.md, "Shapes for the map"). */
export type ShapeFigures = ShapeProperties & { state: string | null };
export type UsLevel = 'states' | 'counties';

/**
 * us-atlas's pre-projected (Albers, Alaska and Hawaii inset) topology: `counties` (county level
 * only), `states` and `nation`, each shape carrying its figures; ids are FIPS codes.
 */
export interface UsTopology extends Topology {
  objects: {
    counties?: GeometryCollection<ShapeFigures>;
    states: GeometryCollection<ShapeFigures>;
    nation: GeometryCollection;
  };
  resultSet: { id: string; slug: string; name: string };
}

interface Page<T> {
  items: T[];
  total: number;
}

/** Reference data changes only when `concord data load` runs: keep it for the session. */
const reference = { staleTime: 30 * 60_000 } as const;

const mapKeys = {
  resultSets: ['map', 'result-sets'] as const,
  shapes: (level: UsLevel, set: string) => ['map', 'shapes', level, set] as const,
  jurisdictions: (filter: object) => ['map', 'jurisdictions', filter] as const,
  results: (id: string) => ['map', 'results', id] as const,
  elections: (country: string) => ['map', 'elections', country] as const,
  race: (id: string) => ['map', 'race', id] as const,
  races: (electionId: string, office: string) => ['map', 'races', electionId, office] as const,
  raceVotes: (electionId: string, office: string) => ['map', 'race-votes', electionId, office] as const,
};

export function useResultSets() {
  return useQuery({
    queryKey: mapKeys.resultSets,
    queryFn: () => api<ResultSetView[]>('/api/map/result-sets'),
    ...reference,
  });
}

/**
 * States or counties painted with one result set. Switching sets keeps the previous map on screen
 * until the next one arrives, so the map never blanks out.
 */
export function useUsShapes(level: UsLevel, set: string | undefined) {
  return useQuery({
    enabled: set !== undefined,
    queryKey: mapKeys.shapes(level, set ?? ''),
    queryFn: () =>
      api<UsTopology>(`/api/map/us/${level}.topojson${queryString({ set, projection: 'albers' })}`),
    placeholderData: keepPreviousData,
    ...reference,
  });
}

/** The shipped House district shapes (latest map per state), lon/lat GeoJSON; ids are race keys (`MI-12`). */
export type UsDistricts = import('geojson').FeatureCollection<
  import('geojson').Polygon | import('geojson').MultiPolygon,
  { name: string; state: string; district: number; election: number }
>;

export function useUsDistrictShapes(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['map', 'district-shapes'] as const,
    queryFn: () => api<UsDistricts>('/api/map/us/districts.geojson'),
    ...reference,
  });
}

export interface JurisdictionsQuery {
  kind?: JurisdictionKind;
  parent?: string;
  code?: string;
  /** Only the jurisdictions with a result in this set (one year's districts, say). */
  resultSet?: string;
  limit?: number;
}

export function useJurisdictions(query: JurisdictionsQuery, enabled = true) {
  return useQuery({
    queryKey: mapKeys.jurisdictions(query),
    queryFn: () =>
      api<Page<JurisdictionView>>(`/api/map/jurisdictions${queryString({ limit: 500, ...query })}`),
    enabled,
    ...reference,
  });
}

/** One jurisdiction by its kind and code (a FIPS code for states and counties), or null. */
export function useJurisdictionByCode(kind: JurisdictionKind, code: string | undefined) {
  const page = useJurisdictions({ kind, code: code ?? '' }, code !== undefined && code !== '');
  return { ...page, data: page.data ? (page.data.items[0] ?? null) : undefined };
}

/** Every result reported for a jurisdiction, across result sets. */
export function useJurisdictionResults(id: string | undefined) {
  return useQuery({
    queryKey: mapKeys.results(id ?? ''),
    queryFn: () => api<UnitResultView[]>(`/api/map/jurisdictions/${id}/results`),
    enabled: id !== undefined,
    ...reference,
  });
}

export function useElections(country: 'US' | 'FR') {
  return useQuery({
    queryKey: mapKeys.elections(country),
    queryFn: () => api<ElectionView[]>(`/api/map/elections?country=${country}`),
    ...reference,
  });
}

/** Several races at once (the races a place's results were counted in). */
export function useRacesById(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: mapKeys.race(id),
      queryFn: () => api<RaceView>(`/api/map/races/${id}`),
      ...reference,
    })),
  });
}

/** An election's races of one office (the API pages at 500; no shipped office has more). */
export function useRaces(electionId: string | undefined, office: string) {
  return useQuery({
    queryKey: mapKeys.races(electionId ?? '', office),
    queryFn: () =>
      api<Page<RaceView>>(`/api/map/elections/${electionId}/races${queryString({ office, limit: 500 })}`),
    enabled: electionId !== undefined,
    ...reference,
  });
}

/** Every race of an election with its votes by party and by ballot line. */
export function useRaceVotes(electionId: string | undefined, office: string) {
  return useQuery({
    queryKey: mapKeys.raceVotes(electionId ?? '', office),
    queryFn: () =>
      api<RaceVotesView[]>(`/api/map/elections/${electionId}/race-votes${queryString({ office })}`),
    enabled: electionId !== undefined,
    ...reference,
  });
}
