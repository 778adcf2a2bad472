import type { ColumnType, Generated } from 'kysely';

/** Timestamps: read as Date, written as Date (or left to the default). */
type Timestamp = ColumnType<Date, Date | undefined, Date>;
type NullableTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;
/** jsonb: read as the parsed value, written as JSON text (both drivers then agree byte for byte). */
type Json<T> = ColumnType<T, string, string>;
/** text[]: read and written as a string array. */
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type ConsentChannel = 'email' | 'phone' | 'sms' | 'post';
export type ActivityKind = 'event' | 'shift' | 'petition' | 'donation';

export interface PeopleTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  external_id: string | null;
  first_name: Generated<string>;
  last_name: Generated<string>;
  emails: TextArray;
  phones: TextArray;
  phones_raw: TextArray;
  address_line1: Generated<string>;
  address_line2: Generated<string>;
  city: Generated<string>;
  state: Generated<string>;
  postal_code: Generated<string>;
  country: Generated<string>;
  county_fips: string | null;
  tags: TextArray;
  custom: Json<Record<string, string>>;
  notes: Generated<string>;
  search_text: Generated<string>;
  stage: string | null;
  merged_into: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Each owner's distinct lower-cased names, kept by triggers (migration 2026_12_05_1201): name search. */
export interface PeopleNamesTable {
  organization_id: string;
  part: 'first' | 'last';
  name: string;
}

export interface PersonConsentsTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  person_id: string;
  channel: ConsentChannel;
  granted: boolean;
  basis: string;
  source: string;
  recorded_at: Timestamp;
  withdrawn_at: NullableTimestamp;
  withdrawal_source: string | null;
}

export interface PersonActivitiesTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  person_id: string;
  kind: ActivityKind;
  /** YYYY-MM-DD */
  occurred_on: string;
  label: Generated<string>;
  quantity: number | null;
  amount_cents: number | null;
  created_at: Timestamp;
}

export interface PersonCustomFieldsTable {
  coalition_id: string;
  organization_id: string;
  name: string;
  label: string;
  created_at: Timestamp;
}

export interface PersonLinkCodesTable {
  code_hash: string;
  coalition_id: string;
  organization_id: string;
  person_id: string;
  target_organization_id: string;
  basis: string;
  source: string;
  expires_at: Date;
  created_at: Timestamp;
}

export interface PersonLinksTable {
  id: Generated<string>;
  coalition_id: string;
  organization_a: string;
  person_a: string;
  organization_b: string;
  person_b: string;
  basis: string;
  source: string;
  consented_at: Date;
  created_at: Timestamp;
}

export interface PeopleSegmentsTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  name: string;
  filter: Json<unknown>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PeopleMergesTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  survivor_id: string;
  merged_id: string;
  survivor_before: Json<unknown>;
  moved: Json<unknown>;
  choices: Json<unknown>;
  merged_by: string | null;
  merged_at: Timestamp;
  undone_at: NullableTimestamp;
}

export interface SupporterKeysTable {
  organization_id: string;
  coalition_id: string;
  cursor_key: Uint8Array;
}

export type OverlapStatus = 'requested' | 'declined' | 'completed';

export interface OverlapRunsTable {
  id: Generated<string>;
  coalition_id: string;
  requester_id: string;
  partner_id: string;
  status: OverlapStatus;
  requested_by: string;
  decided_by: string | null;
  requested_at: Timestamp;
  decided_at: NullableTimestamp;
  shared_count: number | null;
}

export interface PipelineLaddersTable {
  organization_id: string;
  coalition_id: string;
  stages: Json<unknown>;
  updated_at: Timestamp;
}

export interface PipelineMovesTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  person_id: string;
  from_stage: string | null;
  to_stage: string;
  moved_at: Timestamp;
}

export interface SupportersTables {
  people: PeopleTable;
  people_names: PeopleNamesTable;
  person_consents: PersonConsentsTable;
  person_activities: PersonActivitiesTable;
  person_custom_fields: PersonCustomFieldsTable;
  person_link_codes: PersonLinkCodesTable;
  person_links: PersonLinksTable;
  people_segments: PeopleSegmentsTable;
  people_merges: PeopleMergesTable;
  supporter_keys: SupporterKeysTable;
  overlap_runs: OverlapRunsTable;
  pipeline_ladders: PipelineLaddersTable;
  pipeline_moves: PipelineMovesTable;
}
