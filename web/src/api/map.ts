import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { JurisdictionKind } from '../../../src/features/map/kinds.ts';
import { mapContract } from '../../../src/features/map/map.contract.ts';
import type {
  ElectionView,
  JurisdictionView,
  PlaceView,
  RaceView,
  RaceVotesView,
  ResultSetView,
  UnitResultView,
} from '../../../src/features/map/map.schema.ts';
import { placeSearchLimits } from '../../../src/features/map/map.schema.ts';
import type { ShapeProperties } from '../../../src/features/map/shape-figures.ts';
import { type ApiErrorOf, call } from './client.ts';

export type {
  ElectionView,
  JurisdictionKind,
  JurisdictionView,
  PlaceView,
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
 * only), `states` and `nation`, each shape carrying its figures; ids are FIPS codes. The contract
 * documents the shapes as opaque JSON (they are not re-validated on the way out), so this client
 * names their type here.
 */
export interface UsTopology extends Topology {
  objects: {
    counties?: GeometryCollection<ShapeFigures>;
    states: GeometryCollection<ShapeFigures>;
    nation: GeometryCollection;
  };
  resultSet: { id: string; slug: string; name: string };
}

/** The shipped House district shapes (latest map per state), lon/lat GeoJSON; ids are race keys (`MI-12`). */
export type UsDistricts = FeatureCollection<
  Polygon | MultiPolygon,
  { name: string; state: string; district: number; election: number }
>;

/** States or counties as TopoJSON, projected (Albers). */
export async function fetchUsTopology(level: UsLevel, set?: string): Promise<UsTopology> {
  return (await call(mapContract.usShapes, {
    params: { level: `${level}.topojson` },
    query: { set, projection: 'albers' },
  })) as UsTopology;
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
    queryFn: () => call(mapContract.resultSets),
    ...reference,
  });
}

/**
 * States or counties painted with one result set. Switching sets keeps the previous map on screen
 * until the next one arrives, so the map never blanks out.
 */
export function useUsShapes(level: UsLevel, set: string | undefined) {
  return useQuery<UsTopology, ApiErrorOf<typeof mapContract.usShapes>>({
    enabled: set !== undefined,
    queryKey: mapKeys.shapes(level, set ?? ''),
    queryFn: () => fetchUsTopology(level, set),
    placeholderData: keepPreviousData,
    ...reference,
  });
}

export function useUsDistrictShapes(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['map', 'district-shapes'] as const,
    queryFn: async () => (await call(mapContract.usDistricts)) as UsDistricts,
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
    queryFn: () => call(mapContract.jurisdictions, { query: { limit: 500, ...query } }),
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
    queryFn: () => call(mapContract.jurisdictionResults, { params: { id: id ?? '' } }),
    enabled: id !== undefined,
    ...reference,
  });
}

export function useElections(country: 'US' | 'FR') {
  return useQuery({
    queryKey: mapKeys.elections(country),
    queryFn: () => call(mapContract.elections, { query: { country } }),
    ...reference,
  });
}

/** Several races at once (the races a place's results were counted in). */
export function useRacesById(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: mapKeys.race(id),
      queryFn: () => call(mapContract.race, { params: { id } }),
      ...reference,
    })),
  });
}

/** An election's races of one office (the API pages at 500; no shipped office has more). */
export function useRaces(electionId: string | undefined, office: string) {
  return useQuery({
    queryKey: mapKeys.races(electionId ?? '', office),
    queryFn: () =>
      call(mapContract.races, { params: { id: electionId ?? '' }, query: { office, limit: 500 } }),
    enabled: electionId !== undefined,
    ...reference,
  });
}

/** Every race of an election with its votes by party and by ballot line. */
export function useRaceVotes(electionId: string | undefined, office: string) {
  return useQuery({
    queryKey: mapKeys.raceVotes(electionId ?? '', office),
    queryFn: () => call(mapContract.raceVotes, { params: { id: electionId ?? '' }, query: { office } }),
    enabled: electionId !== undefined,
    ...reference,
  });
}

/** One page of the place search ("Wayne, MI"); `after` is the previous page's `next`. */
export function searchPlaces(
  q: string,
  options: { kind?: JurisdictionKind; after?: string; limit?: number } = {},
) {
  return call(mapContract.searchPlaces, { query: { q, ...options } });
}

/** The place search a page at a time (10 places each); `fetchNextPage` follows the keyset cursor. */
export function usePlaceSearch(q: string, kind?: JurisdictionKind) {
  const text = q.trim();
  return useInfiniteQuery({
    queryKey: ['map', 'places', text, kind ?? ''] as const,
    queryFn: ({ pageParam }) => searchPlaces(text, { kind, limit: 10, after: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/**
 * Names for place keys (`state:26`, `county:26163`, or bare FIPS codes), so that pages show
 * "Wayne County, Michigan" where the data holds a code. Unknown keys map to nothing: show the key.
 */
export function usePlaceNames(keys: readonly string[]) {
  const unique = [...new Set(keys.filter((key) => key !== ''))].sort();
  // The API names up to placeSearchLimits.keys places per call; a long list asks in batches.
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += placeSearchLimits.keys) {
    batches.push(unique.slice(i, i + placeSearchLimits.keys));
  }
  const results = useQueries({
    queries: batches.map((batch) => ({
      queryKey: ['map', 'place-names', batch] as const,
      queryFn: () => call(mapContract.placesByKey, { query: { keys: batch.join(',') } }),
      ...reference,
    })),
  });
  const byKey = new Map(results.flatMap((r) => r.data?.items ?? []).map((place) => [place.key, place]));
  return {
    isPending: results.some((r) => r.isPending),
    byKey,
    /** The place's label, or the key itself while loading or when unknown. */
    nameOf: (key: string) => byKey.get(key)?.label ?? key,
  };
}
