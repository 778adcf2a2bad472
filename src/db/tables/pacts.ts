import type { ColumnType, Generated } from 'kysely';

/** Timestamps: read as Date, written as Date (or left to the default). */
type Timestamp = ColumnType<Date, Date | undefined, Date>;
/**
 * jsonb, read as unknown and parsed by the pacts feature with its zod schemas (the stored shapes
 * live there), written as JSON text so both drivers store the same bytes.
 */
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export type PactKind = 'races' | 'zones';
export type PactRunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'discarded';
export type PactRunPhase = 'preparing' | 'heuristic' | 'exact' | 'checking' | 'done';

export interface PactsTable {
  id: Generated<string>;
  coalition_id: string;
  name: string;
  kind: PactKind;
  source: Json;
  settings: Json;
  members: Json;
  revision: Generated<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PactRacesTable {
  coalition_id: string;
  pact_id: string;
  key: string;
  ordinal: number;
  name: string;
  jurisdiction_id: string | null;
  map_race_id: string | null;
  seats: number;
  total_votes: number | null;
  lines: Json;
  jurisdiction_keys: Json;
  incumbent_party: string | null;
}

export interface PactRulesTable {
  id: Generated<string>;
  coalition_id: string;
  pact_id: string;
  race_key: string;
  kind: 'lock' | 'veto';
  organization_id: string;
  origin: 'manual' | 'swap';
  note: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PactVersionsTable {
  id: Generated<string>;
  coalition_id: string;
  pact_id: string;
  number: number;
  kind: 'run' | 'swap';
  pact_revision: number;
  input: Json;
  labels: Json;
  result: Json;
  expected_wins: number;
  no_pact_wins: number;
  entitlement_ok: boolean;
  wef1: boolean;
  note: Generated<string>;
  run_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PactRunsTable {
  id: Generated<string>;
  coalition_id: string;
  pact_id: string;
  mode: 'heuristic' | 'exact';
  status: PactRunStatus;
  phase: PactRunPhase;
  percent: Generated<number>;
  note: Generated<string>;
  pact_revision: number;
  input: Json;
  labels: Json;
  requested_by: Json;
  error: NullableJson;
  version_id: string | null;
  created_at: Timestamp;
  started_at: Date | null;
  finished_at: Date | null;
  heartbeat_at: Date;
}

export interface PactConsentsTable {
  coalition_id: string;
  pact_id: string;
  race_key: string;
  organization_id: string;
  stance: 'consent' | 'object';
  note: Generated<string>;
  version_number: number | null;
  assigned_organization_id: string | null;
  recorded_by: string;
  recorded_at: Date;
}

export interface PactRatificationsTable {
  id: Generated<string>;
  coalition_id: string;
  pact_id: string;
  version_id: string;
  decision_id: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PactTables {
  pacts: PactsTable;
  pact_races: PactRacesTable;
  pact_rules: PactRulesTable;
  pact_versions: PactVersionsTable;
  pact_runs: PactRunsTable;
  pact_consents: PactConsentsTable;
  pact_ratifications: PactRatificationsTable;
}
