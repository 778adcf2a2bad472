import type { ColumnType, Generated } from 'kysely';
import type { OrganizationStatus } from '../../core/rules/lifecycle.ts';
import type { StrengthMetric } from '../../core/rules/strength.ts';

/** Timestamps: read as Date, written as Date (or left to the default). */
type Timestamp = ColumnType<Date, Date | undefined, Date>;
/** jsonb: read as the parsed value, written as JSON text (both drivers then agree byte for byte). */
type Json<T> = ColumnType<T, string, string>;

export type OrganizationKind = 'party' | 'movement' | 'pressure_group' | 'chapter' | 'federation';
export type { OrganizationStatus };
export type StatusChangeReason = 'application' | 'founding' | 'decision' | 'withdrawal';
export type DecisionKind =
  | 'motion'
  | 'admission'
  | 'suspension'
  | 'expulsion'
  | 'reinstatement'
  | 'charter_amendment'
  | 'pact_ratification';

export interface AuditHeadsTable {
  coalition_id: string;
  seq: number;
  hash: string;
}

/** What the public sees, versioned by triggers (migration 2026_12_06_2301): a coalition's id, or '*' for the map. */
export interface PublicVersionsTable {
  scope: string;
  /** bigint: read as text. */
  version: ColumnType<string, string | number, string | number>;
}

export interface AuditEventsTable {
  coalition_id: string;
  seq: number;
  at: ColumnType<Date, Date, never>;
  actor: Json<{ userId: string; role: string; organizationId: string | null } | null>;
  action: string;
  subject: Json<{ type: string; id: string } | null>;
  payload: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface OrganizationsTable {
  id: Generated<string>;
  coalition_id: string;
  name: string;
  kind: OrganizationKind;
  parent_id: string | null;
  status: OrganizationStatus;
  position: number | null;
  description: Generated<string>;
  platform: Json<{ title: string; text: string }[]>;
  home_jurisdictions: Json<string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OrganizationStatusChangesTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  from_status: OrganizationStatus | null;
  to_status: OrganizationStatus;
  reason: StatusChangeReason;
  decision_id: string | null;
  note: Generated<string>;
  actor_user_id: string | null;
  at: ColumnType<Date, Date, never>;
}

export interface StrengthEvidenceTable {
  id: Generated<string>;
  coalition_id: string;
  organization_id: string;
  metric: StrengthMetric;
  value: number;
  as_of: string;
  source: string;
  note: Generated<string>;
  submitted_by: string | null;
  created_at: Timestamp;
  verified_at: Date | null;
  verified_by: string | null;
}

export interface CharterVersionsTable {
  id: Generated<string>;
  coalition_id: string;
  version: number;
  planks: Json<{ title: string; text: string }[]>;
  adopted_at: Date;
  decision_id: string | null;
}

export interface CharterRatificationsTable {
  coalition_id: string;
  charter_version_id: string;
  organization_id: string;
  ratified_by: string | null;
  ratified_at: Date;
}

export interface GovernanceSettingsTable {
  coalition_id: string;
  settings: Json<Record<string, unknown>>;
  updated_at: Timestamp;
}

export interface CoalitionBrandingTable {
  coalition_id: string;
  primary_color: string;
  accent_color: string;
  /** data:image/png;base64,… or data:image/svg+xml;base64,…; null for none. */
  logo: string | null;
  updated_at: Timestamp;
}

export interface DecisionsTable {
  id: Generated<string>;
  coalition_id: string;
  kind: DecisionKind;
  title: string;
  body: Generated<string>;
  subject_organization_id: string | null;
  grounds: string | null;
  proposal: Json<unknown> | null;
  method: string;
  rules: Json<Record<string, unknown>>;
  secret: boolean;
  opens_at: Date;
  closes_at: Date;
  status: 'open' | 'closed';
  roll: Json<unknown>;
  result: Json<unknown> | null;
  outcome: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface BallotsTable {
  id: Generated<string>;
  coalition_id: string;
  decision_id: string;
  organization_id: string;
  cast_by: string;
  content: Json<unknown>;
  receipt: string;
  revision: Generated<number>;
  cast_at: Date;
  updated_at: Date;
  /** Random, never published: keeps a ballot row's audited hash from linking receipts to organizations. */
  row_nonce: Generated<string>;
}

export interface GovernanceTables {
  audit_heads: AuditHeadsTable;
  audit_events: AuditEventsTable;
  public_versions: PublicVersionsTable;
  organizations: OrganizationsTable;
  organization_status_changes: OrganizationStatusChangesTable;
  strength_evidence: StrengthEvidenceTable;
  charter_versions: CharterVersionsTable;
  charter_ratifications: CharterRatificationsTable;
  governance_settings: GovernanceSettingsTable;
  coalition_branding: CoalitionBrandingTable;
  decisions: DecisionsTable;
  ballots: BallotsTable;
}
