import type { ColumnType, JSONColumnType } from 'kysely';

/** Dates travel as `YYYY-MM-DD` strings (src/features/map keeps no time of day for elections). */
type DateColumn = ColumnType<string, string, string>;
type NullableDateColumn = ColumnType<string | null, string | null | undefined, string | null>;
type LoadedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ReferenceDatasetsTable {
  id: string;
  title: string;
  fingerprint: string;
  counts: JSONColumnType<Record<string, number>>;
  loaded_at: LoadedAt;
}

export interface ReferenceDatasetIssuesTable {
  dataset_id: string;
  seq: number;
  code: string;
  resolution: string;
  subject: string;
  row: number | null;
  message: string;
}

export interface JurisdictionsTable {
  id: string;
  coalition_id: string | null;
  kind: string;
  code: string;
  name: string;
  parent_id: string | null;
  country: string;
  abbr: string | null;
  /** GeoJSON geometry (Polygon or MultiPolygon) of a coalition's imported district. */
  geometry: ColumnType<unknown, string | null, string | null>;
}

export interface ElectionsTable {
  id: string;
  coalition_id: string | null;
  slug: string;
  name: string;
  country: string;
  election_date: DateColumn;
}

export interface RacesTable {
  id: string;
  coalition_id: string | null;
  election_id: string;
  jurisdiction_id: string;
  office: string;
  stage: string;
  name: string;
  seats: number;
  filing_deadline: NullableDateColumn;
}

export interface ResultSetsTable {
  id: string;
  coalition_id: string | null;
  slug: string;
  name: string;
  dataset_id: string | null;
  election_id: string | null;
  office: string | null;
  unit_kind: string;
  measure: 'votes' | 'lean';
}

export interface ResultUnitsTable {
  result_set_id: string;
  jurisdiction_id: string;
  coalition_id: string | null;
  race_id: string | null;
  total_votes: number | null;
  invalid_votes: number | null;
  registered: number | null;
  published_lean: number | null;
}

/** Kept by triggers on result_units (migration 2026_12_04_2101): the place search's size. */
export interface PlaceSizesTable {
  jurisdiction_id: string;
  coalition_id: string | null;
  votes_cast: number;
}

export interface ResultVotesTable {
  result_set_id: string;
  jurisdiction_id: string;
  coalition_id: string | null;
  candidate: string;
  line: string;
  party: string;
  votes: number;
  outcome: string | null;
}

export interface MapTables {
  reference_datasets: ReferenceDatasetsTable;
  reference_dataset_issues: ReferenceDatasetIssuesTable;
  jurisdictions: JurisdictionsTable;
  elections: ElectionsTable;
  races: RacesTable;
  result_sets: ResultSetsTable;
  result_units: ResultUnitsTable;
  result_votes: ResultVotesTable;
  place_sizes: PlaceSizesTable;
}
