import type { NominationLine } from '../../core/tickets/fusion.ts';
import type { CandidateStatus } from '../../core/tickets/lifecycle.ts';
import type { Db } from '../../db/database.ts';
import { type RaceAssignment, ratifiedAssignments } from './pact-assignments.service.ts';
import { type JurisdictionPlace, resolvePlaces } from './places.service.ts';
import { evaluateRules } from './rules.service.ts';
import { getTicketSettings } from './settings.service.ts';
import {
  type CandidateRow,
  findRaces,
  type LineRow,
  listLines,
  listMembers,
  type RaceRow,
} from './tickets.repository.ts';
import {
  type CandidateView,
  type DissidentView,
  dissidentSchema,
  factsSchema,
  type RaceRef,
} from './tickets.schema.ts';

export const toNominationLine = (
  l: Pick<LineRow, 'kind' | 'organization_id' | 'label' | 'candidate_is_member' | 'wilson_pakula'>,
): NominationLine => ({
  kind: l.kind,
  organizationId: l.organization_id,
  label: l.label,
  candidateIsMember: l.candidate_is_member,
  wilsonPakula: l.wilson_pakula,
});

export function toRaceRef(race: RaceRow, place: JurisdictionPlace | undefined): RaceRef {
  return {
    id: race.id,
    name: race.name,
    office: race.office,
    electionName: race.election_name,
    electionDate: race.election_date,
    filingDeadline: race.filing_deadline,
    jurisdictionId: race.jurisdiction_id,
    jurisdictionKey: `${race.jurisdiction_kind}:${race.jurisdiction_code}`,
    statePo: place?.place.statePo ?? null,
    country: race.country,
  };
}

/** Everything a candidate view needs, loaded once for a list of candidates (no query per row). */
export interface ViewContext {
  races: Map<string, RaceRow>;
  places: Map<string, JurisdictionPlace>;
  lines: Map<string, LineRow[]>;
  names: Map<string, string>;
  positions: Map<string, number | null>;
  assignments: Map<string, RaceAssignment[]>;
}

export async function loadViewContext(
  db: Db,
  coalitionId: string,
  rows: readonly CandidateRow[],
  now = new Date(),
): Promise<ViewContext> {
  const raceIds = [...new Set(rows.map((r) => r.race_id))];
  const races = new Map((await findRaces(db, coalitionId, raceIds)).map((r) => [r.id, r]));
  const places = await resolvePlaces(
    db,
    coalitionId,
    [...races.values()].map((r) => r.jurisdiction_id),
  );
  const lines = new Map<string, LineRow[]>();
  for (const line of await listLines(
    db,
    coalitionId,
    rows.map((r) => r.id),
  ))
    lines.set(line.candidate_id, [...(lines.get(line.candidate_id) ?? []), line]);
  const members = await listMembers(db, coalitionId);
  return {
    races,
    places,
    lines,
    names: new Map(members.map((m) => [m.id, m.name])),
    positions: new Map(members.map((m) => [m.id, m.position])),
    assignments: await ratifiedAssignments(db, coalitionId, raceIds, now),
  };
}

export async function toCandidateView(
  db: Db,
  coalitionId: string,
  row: CandidateRow,
  ctx: ViewContext,
): Promise<CandidateView> {
  const race = ctx.races.get(row.race_id);
  if (!race) throw new Error(`candidate ${row.id}: race ${row.race_id} is not visible`);
  const place = ctx.places.get(race.jurisdiction_id) ?? {
    key: '',
    place: { country: race.country, statePo: null },
  };
  const lines = ctx.lines.get(row.id) ?? [];
  const facts = factsSchema.parse(row.facts);
  const settings = await getTicketSettings(db, coalitionId);
  const check = await evaluateRules(db, settings, {
    place,
    lines: lines.map(toNominationLine),
    facts,
    proposer: row.organization_id,
    assignments: ctx.assignments.get(row.race_id) ?? [],
    names: ctx.names,
    exception: row.dispute_outcome === 'accept_exception',
  });
  return {
    id: row.id,
    name: row.name,
    organizationId: row.organization_id,
    memberName: ctx.names.get(row.organization_id) ?? '',
    status: row.status as CandidateStatus,
    statusReason: row.status_reason,
    race: toRaceRef(race, place),
    lines: lines.map((l) => ({
      id: l.id,
      kind: l.kind,
      organizationId: l.organization_id,
      memberName: l.organization_id ? (ctx.names.get(l.organization_id) ?? null) : null,
      label: l.label,
      candidateIsMember: l.candidate_is_member,
      wilsonPakula: l.wilson_pakula,
    })),
    facts,
    endorsementDecisionId: row.endorsement_decision_id,
    dissident: storedDissidence(row),
    dispute: { decisionId: row.dispute_decision_id, outcome: row.dispute_outcome },
    check,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const storedDissidence = (row: Pick<CandidateRow, 'dissident'>): DissidentView[] =>
  dissidentSchema.array().parse(row.dissident ?? []);
