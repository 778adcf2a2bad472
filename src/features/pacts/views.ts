import { z } from 'zod';
import type { PactRace, PactRule } from './drafting/pact-input.ts';
import type { PactRaceRow, PactRow, PactRuleRow } from './pacts.repository.ts';
import {
  type MemberRef,
  type PactSettings,
  pactSettingsSchema,
  type RunView,
  raceLineSchema,
  runErrorSchema,
  type StoredMember,
  type StoredSource,
  storedMemberSchema,
  storedSourceSchema,
  type VersionSummary,
} from './pacts.schema.ts';
import type { RunRow, VersionSummaryRow } from './versions/versions.repository.ts';

/** Rows to domain objects and views; jsonb columns are parsed with the schemas that wrote them. */

export const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

export interface Pact {
  id: string;
  coalitionId: string;
  name: string;
  kind: PactRow['kind'];
  source: StoredSource;
  settings: PactSettings;
  members: StoredMember[];
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export function toPact(row: PactRow): Pact {
  return {
    id: row.id,
    coalitionId: row.coalition_id,
    name: row.name,
    kind: row.kind,
    source: storedSourceSchema.parse(row.source),
    settings: pactSettingsSchema.parse(row.settings),
    members: z.array(storedMemberSchema).parse(row.members),
    revision: row.revision,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toPactRace(row: PactRaceRow): PactRace & { totalVotes: number | null } {
  return {
    key: row.key,
    name: row.name,
    seats: row.seats,
    lines: z.array(raceLineSchema).parse(row.lines),
    jurisdictionKeys: z.array(z.string()).parse(row.jurisdiction_keys),
    incumbentParty: row.incumbent_party,
    totalVotes: row.total_votes,
  };
}

export const toPactRule = (row: PactRuleRow): PactRule => ({
  raceKey: row.race_key,
  kind: row.kind,
  organizationId: row.organization_id,
});

export const memberRef = (member: StoredMember): MemberRef => ({
  organizationId: member.organizationId,
  key: member.key,
  name: member.name,
});

export function toVersionSummary(row: VersionSummaryRow): VersionSummary {
  return {
    number: row.number,
    kind: row.kind,
    mode: z.enum(['heuristic', 'exact', 'manual']).parse(row.mode),
    expectedWins: row.expected_wins,
    noPactWins: row.no_pact_wins,
    entitlementWithinOne: row.entitlement_ok,
    wef1: row.wef1,
    gapToExact: row.gap_to_exact,
    note: row.note,
    pactRevision: row.pact_revision,
    runId: row.run_id,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
  };
}

export function toRunView(row: RunRow, version: VersionSummary | null): RunView {
  return {
    id: row.id,
    pactId: row.pact_id,
    mode: row.mode,
    status: row.status,
    phase: row.phase,
    percent: row.percent,
    note: row.note,
    error: row.error === null ? null : runErrorSchema.parse(row.error),
    version,
    createdAt: iso(row.created_at),
    startedAt: isoOrNull(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
  };
}
