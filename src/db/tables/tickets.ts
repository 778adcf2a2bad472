import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | undefined, Date>;
/** jsonb, read as unknown and parsed by the tickets feature's zod schemas, written as JSON text. */
type Json = ColumnType<unknown, string | undefined, string>;

export interface TicketSettingsTable {
  coalition_id: string;
  endorsement_by: 'secretariat' | 'decision';
  split_ticket: boolean;
  non_us_multiple_lines: boolean;
  coalition_line_states: Json;
  updated_at: Timestamp;
}

export interface CandidatesTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  name: string;
  race_id: string;
  status: string;
  status_reason: string | null;
  facts: Json;
  endorsement_decision_id: string | null;
  dissident: Json;
  dispute_decision_id: string | null;
  dispute_outcome: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CandidateLinesTable {
  id: Generated<string>;
  coalition_id: string;
  candidate_id: string;
  organization_id: string | null;
  kind: 'party' | 'coalition' | 'endorsement';
  label: string;
  candidate_is_member: boolean;
  wilson_pakula: boolean;
  created_by: string | null;
  created_at: Timestamp;
}

export interface NationalTicketsTable {
  id: Generated<string>;
  coalition_id: string;
  cycle: number;
  office: string;
  top_name: string;
  top_organization_id: string;
  second_name: string;
  second_organization_id: string;
  top_side: 'left' | 'right' | null;
  status: 'accepted' | 'pending_override' | 'refused';
  problems: Json;
  override_decision_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CandidateResultsTable {
  coalition_id: string;
  race_id: string;
  candidate_name: string;
  candidate_id: string | null;
  line: string;
  votes: number;
  imported_by: string | null;
  imported_at: Timestamp;
}

export interface TicketTables {
  ticket_settings: TicketSettingsTable;
  candidates: CandidatesTable;
  candidate_lines: CandidateLinesTable;
  national_tickets: NationalTicketsTable;
  candidate_results: CandidateResultsTable;
}
