import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | undefined, Date>;

export type RequirementKind =
  | 'party_recognition'
  | 'independent_candidate'
  | 'initiative'
  | 'candidacy'
  | 'other';
export type NumberStatus = 'computed' | 'copied' | 'missing';
export type DriveTargetKind = 'member' | 'candidate' | 'initiative';

export interface PetitionRequirementsTable {
  id: Generated<string>;
  coalition_id: string | null;
  key: string | null;
  origin: 'shipped' | 'coalition';
  country: string;
  jurisdiction: string;
  jurisdiction_name: string;
  kind: RequirementKind;
  title: string;
  signatures: number | null;
  number_status: NumberStatus;
  computation: string;
  rule_text: string;
  who_may_sign: string | null;
  distribution: string | null;
  deadline: string | null;
  deadline_text: string;
  verification_rule: string;
  voters: number | null;
  voters_basis: string | null;
  source: string;
  as_of: string;
  seed_version: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PetitionDrivesTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  requirement_id: string;
  name: string;
  target_kind: DriveTargetKind;
  target_name: string;
  /** The tickets feature's candidate, when the drive is for one picked there (else by name only). */
  target_candidate_id: ColumnType<string | null, string | null | undefined, string | null>;
  required: number;
  expected_validity: number;
  safety_margin: number;
  start_day: string;
  due_day: string;
  filing_day: string | null;
  cure_days: number | null;
  verification_rule: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PetitionCirculatorsTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  drive_id: string;
  name: string;
  /** The supporters feature's person of the drive's member, when picked from its people. */
  person_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface PetitionPacketsTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  drive_id: string;
  circulator_id: string | null;
  label: string;
  county: string | null;
  collected_on: string;
  raw_count: number;
  created_at: Timestamp;
}

export interface PetitionChecksTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  drive_id: string;
  packet_id: string;
  checked_on: string;
  lines_checked: number;
  lines_valid: number;
  not_registered: Generated<number>;
  wrong_jurisdiction: Generated<number>;
  duplicate: Generated<number>;
  illegible: Generated<number>;
  address_mismatch: Generated<number>;
  created_at: Timestamp;
}

export interface PetitionSignerLinesTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  drive_id: string;
  packet_id: string;
  line: number;
  name: string;
  address: string;
}

/** A per-user secret for the petitions iCal feed; only its SHA-256 is stored. */
export interface PetitionFeedTokensTable {
  id: Generated<string>;
  coalition_id: string;
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface PetitionTables {
  petition_requirements: PetitionRequirementsTable;
  petition_drives: PetitionDrivesTable;
  petition_circulators: PetitionCirculatorsTable;
  petition_packets: PetitionPacketsTable;
  petition_checks: PetitionChecksTable;
  petition_signer_lines: PetitionSignerLinesTable;
  petition_feed_tokens: PetitionFeedTokensTable;
}
