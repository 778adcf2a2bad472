import { encodeCursor, pageOf } from '../../contract/cursor.ts';
import { type Actor, isStaff } from '../../core/actor.ts';
import { requireStaff } from '../../core/authorize.ts';
import {
  conflict,
  type DomainError,
  forbidden,
  invalid,
  notFound,
  unprocessable,
} from '../../core/errors.ts';
import { requireOwnCursor } from '../../core/list-cursor.ts';
import type { FusionProblem } from '../../core/tickets/fusion.ts';
import {
  type CandidateAction,
  type CandidateStatus,
  checkCandidateTransition,
} from '../../core/tickets/lifecycle.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit, type RowRef } from '../audit/index.ts';
import { createDecision, readDecisionOutcomes } from '../decisions/index.ts';
import { ratifiedAssignments } from './pact-assignments.service.ts';
import { resolvePlaces } from './places.service.ts';
import { dissidentFindings, evaluateRules } from './rules.service.ts';
import { getTicketSettings } from './settings.service.ts';
import * as repo from './tickets.repository.ts';
import type {
  CandidateFilter,
  CandidateListQuery,
  CandidateView,
  CheckInput,
  Facts,
  LineInput,
  ProposeCandidateInput,
  RaceRef,
  RaceSearchQuery,
  RuleCheck,
  TransitionInput,
} from './tickets.schema.ts';
import { factsSchema } from './tickets.schema.ts';
import {
  loadViewContext,
  storedDissidence,
  toCandidateView,
  toNominationLine,
  toRaceRef,
} from './views.service.ts';

const actingRoles = ['admin', 'secretariat', 'delegate'];

/** The member a write acts for: a delegate only for its own, staff for any member. */
async function actingMember(db: Db, actor: Actor, organizationId: string | undefined, action: string) {
  if (!actingRoles.includes(actor.role))
    throw forbidden('auth.forbidden', `Your role (${actor.role}) may not ${action}.`, { role: actor.role });
  const id = organizationId ?? actor.organizationId;
  if (!id) throw invalid('candidate.member_required', `Say which member is to ${action} (organizationId).`);
  if (actor.role === 'delegate' && id !== actor.organizationId)
    throw forbidden('candidate.not_your_member', `A delegate may ${action} only for its own member.`, {
      organizationId: id,
    });
  const member = (await repo.listMembers(db, actor.coalitionId)).find((m) => m.id === id);
  if (!member) throw notFound('organization.not_found', 'No such member in this coalition.');
  if (member.status !== 'member')
    throw conflict(
      'candidate.member_inactive',
      `${member.name} is ${member.status}: only members nominate.`,
      { organizationId: id },
    );
  return member;
}

async function raceAndPlace(db: Db, coalitionId: string, raceId: string) {
  const [race] = await repo.findRaces(db, coalitionId, [raceId]);
  if (!race) throw notFound('race.not_found', 'No such race on the map.', { raceId });
  const places = await resolvePlaces(db, coalitionId, [race.jurisdiction_id]);
  const place = places.get(race.jurisdiction_id) ?? {
    key: '',
    place: { country: race.country, statePo: null },
  };
  return { race, place };
}

interface ResolvedLine {
  kind: LineInput['kind'];
  organization_id: string | null;
  label: string;
  candidate_is_member: boolean;
  wilson_pakula: boolean;
}

/** A line as stored: whose it is, checked against who acts; the coalition line only where the coalition is recognised. */
async function resolveLine(
  db: Db,
  actor: Actor,
  input: LineInput,
  statePo: string | null,
): Promise<ResolvedLine> {
  if (input.kind === 'coalition') {
    requireStaff(actor, "put a candidate on the coalition's line");
    const settings = await getTicketSettings(db, actor.coalitionId);
    if (!statePo || !settings.coalitionLineStates.includes(statePo))
      throw unprocessable(
        'line.coalition_not_recognised',
        `The coalition is not a recognised party in ${statePo ?? 'this place'}: it has no line of its own there (settings: coalitionLineStates).`,
        { statePo, offer: 'endorsement' },
      );
    const coalition = await repo.findCoalitionName(db, actor.coalitionId);
    return {
      kind: 'coalition',
      organization_id: null,
      label: input.label ?? coalition.name,
      candidate_is_member: input.candidateIsMember,
      wilson_pakula: input.wilsonPakula,
    };
  }
  const member = await actingMember(db, actor, input.organizationId, 'nominate on its line');
  return {
    kind: input.kind,
    organization_id: member.id,
    label: input.label ?? member.name,
    candidate_is_member: input.candidateIsMember,
    wilson_pakula: input.wilsonPakula,
  };
}

/** A refused nomination: 422 naming the state and the rule, offering an endorsement where one would do. */
function refuse(check: RuleCheck): never {
  const first = check.fusion.problems[0] as (FusionProblem & { message: string }) | undefined;
  throw unprocessable(
    (first?.code ?? 'fusion.not_allowed') as `${string}.${string}`,
    first?.message ?? 'The lines break the ballot law.',
    {
      state: 'state' in (first ?? {}) ? (first as { state: string }).state : null,
      statePo: check.fusion.rule.statePo,
      rule: check.fusion.rule.notes,
      source: check.fusion.rule.source,
      asOf: check.fusion.rule.asOf,
      offer: check.fusion.problems.some((p) => p.offer === 'endorsement') ? 'endorsement' : null,
      problems: check.fusion.problems,
    },
  );
}

async function names(db: Db, coalitionId: string) {
  return new Map((await repo.listMembers(db, coalitionId)).map((m) => [m.id, m.name]));
}

/** The live check of the ticket builder: nothing is stored. */
export async function checkNomination(
  db: Db,
  actor: Actor,
  input: CheckInput,
  now = new Date(),
): Promise<RuleCheck> {
  const { race, place } = await raceAndPlace(db, actor.coalitionId, input.raceId);
  const proposer = input.organizationId ?? actor.organizationId;
  if (!proposer) throw invalid('candidate.member_required', 'Say which member proposes (organizationId).');
  const settings = await getTicketSettings(db, actor.coalitionId);
  const lines = input.lines.map((l) => ({
    kind: l.kind,
    organizationId: l.kind === 'coalition' ? null : (l.organizationId ?? proposer),
    label: l.label ?? '',
    candidateIsMember: l.candidateIsMember,
    wilsonPakula: l.wilsonPakula,
  }));
  const assignments = (await ratifiedAssignments(db, actor.coalitionId, [race.id], now)).get(race.id) ?? [];
  return evaluateRules(db, settings, {
    place,
    lines,
    facts: { writeInPrimaryWon: input.writeInPrimaryWon ?? null, manualRuling: null },
    proposer,
    assignments,
    names: await names(db, actor.coalitionId),
    exception: false,
  });
}

export async function getCandidate(
  db: Db,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<CandidateView> {
  const row = await repo.findCandidate(db, actor.coalitionId, id);
  if (!row) throw notFound('candidate.not_found', 'No such candidate.');
  return toCandidateView(
    db,
    actor.coalitionId,
    row,
    await loadViewContext(db, actor.coalitionId, [row], now),
  );
}

/**
 * One keyset page of the list, oldest first (src/contract/cursor.ts). The state and dissident
 * filters are known only once a row is viewed, so rows are read `limit` at a time until the page is
 * full or the list ends: a filtered page is as full as an unfiltered one, and its cursor is the last
 * row it holds (or the last row read, when a read ended without filling it).
 */
export async function listCandidatePage(
  db: Db,
  actor: Actor,
  query: CandidateListQuery,
  now = new Date(),
): Promise<{ candidates: CandidateView[]; nextCursor: string | null }> {
  const { limit, cursor, ...filter } = query;
  if (cursor) requireOwnCursor(actor, cursor[1]);
  const keyOf = (row: repo.CandidateRow & { created_key: string }) => [
    'candidates',
    actor.coalitionId,
    row.created_key,
    row.id,
  ];
  const candidates: CandidateView[] = [];
  let after: readonly [string, string] | undefined = cursor && [cursor[2], cursor[3]];
  for (;;) {
    const rows = await repo.listCandidates(db, actor.coalitionId, sqlFilterOf(filter), { limit, after });
    const batch = rows.slice(0, limit);
    const more = rows.length > limit;
    const ctx = await loadViewContext(db, actor.coalitionId, batch, now);
    for (const [index, row] of batch.entries()) {
      const view = await toCandidateView(db, actor.coalitionId, row, ctx);
      if (!viewMatches(view, filter)) continue;
      candidates.push(view);
      if (candidates.length === limit) {
        const last = !more && index === batch.length - 1;
        return { candidates, nextCursor: last ? null : encodeCursor(keyOf(row)) };
      }
    }
    const lastRow = batch.at(-1);
    if (!more || !lastRow) return { candidates, nextCursor: null };
    after = [lastRow.created_key, lastRow.id];
  }
}

function sqlFilterOf(filter: CandidateFilter) {
  return {
    status: filter.status,
    organizationId: filter.organizationId,
    raceIds: filter.raceId ? [filter.raceId] : undefined,
    q: filter.q,
  };
}

function viewMatches(view: CandidateView, filter: CandidateFilter): boolean {
  return (
    (!filter.state || view.race.statePo === filter.state.toUpperCase()) &&
    (filter.dissident === undefined || view.dissident.length > 0 === filter.dissident)
  );
}

export async function listCandidateViews(db: Db, actor: Actor, filter: CandidateFilter, now = new Date()) {
  const rows = await repo.listCandidates(db, actor.coalitionId, sqlFilterOf(filter));
  const ctx = await loadViewContext(db, actor.coalitionId, rows, now);
  const views: CandidateView[] = [];
  for (const row of rows) views.push(await toCandidateView(db, actor.coalitionId, row, ctx));
  return views.filter((view) => viewMatches(view, filter));
}

/** Recomputes the candidacy's standing against the ratified pacts; a new finding is flagged in the audit log. */
async function reassessDissidence(
  db: Db,
  actor: Actor,
  row: repo.CandidateRow,
  now: Date,
): Promise<repo.CandidateRow> {
  if (row.dispute_outcome === 'accept_exception') return row;
  const lines = await repo.listLines(db, actor.coalitionId, [row.id]);
  const assignments =
    (await ratifiedAssignments(db, actor.coalitionId, [row.race_id], now)).get(row.race_id) ?? [];
  const findings = dissidentFindings({
    lines: lines.map(toNominationLine),
    proposer: row.organization_id,
    assignments,
    names: await names(db, actor.coalitionId),
  });
  const before = storedDissidence(row);
  if (JSON.stringify(before) === JSON.stringify(findings)) return row;
  const updated = await repo.updateCandidate(db, actor.coalitionId, row.id, {
    dissident: JSON.stringify(findings),
  });
  if (findings.length > 0) {
    await appendAudit(db, {
      coalitionId: actor.coalitionId,
      actor,
      action: 'candidate.dissident_flagged',
      subject: { type: 'candidate', id: row.id },
      rows: [{ table: 'candidates', id: row.id }],
      payload: { name: row.name, raceId: row.race_id, status: row.status, findings },
    });
  } else {
    await appendAudit(db, {
      coalitionId: actor.coalitionId,
      actor,
      action: 'candidate.dissident_cleared',
      subject: { type: 'candidate', id: row.id },
      rows: [{ table: 'candidates', id: row.id }],
      payload: { name: row.name, raceId: row.race_id },
    });
  }
  return updated;
}

export async function proposeCandidate(
  db: Db,
  actor: Actor,
  input: ProposeCandidateInput,
  now = new Date(),
): Promise<CandidateView> {
  const member = await actingMember(db, actor, input.organizationId, 'propose a candidate');
  const { race, place } = await raceAndPlace(db, actor.coalitionId, input.raceId);
  const wanted = input.lines ?? [
    { kind: 'party' as const, organizationId: member.id, candidateIsMember: true, wilsonPakula: false },
  ];
  const resolved: ResolvedLine[] = [];
  for (const line of wanted) {
    const r = await resolveLine(
      db,
      actor,
      { ...line, organizationId: line.kind === 'coalition' ? undefined : (line.organizationId ?? member.id) },
      place.place.statePo,
    );
    if (resolved.some((x) => x.organization_id === r.organization_id))
      throw invalid('line.duplicate', `${r.label} is listed twice: one line per member.`);
    resolved.push(r);
  }
  const facts: Facts = factsSchema.parse({ writeInPrimaryWon: input.writeInPrimaryWon ?? null });
  const settings = await getTicketSettings(db, actor.coalitionId);
  const check = await evaluateRules(db, settings, {
    place,
    lines: resolved.map(toNominationLine),
    facts,
    proposer: member.id,
    assignments: [],
    names: new Map(),
    exception: false,
  });
  if (!check.fusion.ok) refuse(check);
  const row = await repo.insertCandidate(db, {
    coalition_id: actor.coalitionId,
    organization_id: member.id,
    name: input.name,
    race_id: race.id,
    status: 'proposed',
    facts: JSON.stringify(facts),
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
  });
  const lineRows: RowRef[] = [];
  for (const line of resolved) {
    const inserted = await repo.insertLine(db, {
      ...line,
      coalition_id: actor.coalitionId,
      candidate_id: row.id,
      created_by: actor.userId,
    });
    lineRows.push({ table: 'candidate_lines', id: inserted.id });
  }
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'candidate.proposed',
    subject: { type: 'candidate', id: row.id },
    rows: [{ table: 'candidates', id: row.id }, ...lineRows],
    payload: { name: row.name, organizationId: member.id, race: toRaceRef(race, place), lines: resolved },
  });
  await reassessDissidence(db, actor, row, now);
  return getCandidate(db, actor, row.id, now);
}

/** The candidate a write touches, locked; a delegate may touch only its own member's candidates. */
async function candidateForWrite(
  db: Db,
  actor: Actor,
  id: string,
  action: string,
  options: { othersMayJoin?: boolean } = {},
) {
  const row = await repo.findCandidate(db, actor.coalitionId, id, { forUpdate: true });
  if (!row) throw notFound('candidate.not_found', 'No such candidate.');
  if (!actingRoles.includes(actor.role))
    throw forbidden('auth.forbidden', `Your role (${actor.role}) may not ${action}.`, { role: actor.role });
  if (actor.role === 'delegate' && row.organization_id !== actor.organizationId && !options.othersMayJoin)
    throw forbidden(
      'candidate.not_your_member',
      `Only the proposing member's delegates or the secretariat may ${action}.`,
      {
        candidateId: id,
      },
    );
  return row;
}

const closedStatuses: CandidateStatus[] = ['rejected', 'elected', 'defeated'];

/** Another line for the candidate: the member's own (a joint ticket), an endorsement, or the coalition's. */
export async function addLine(
  db: Db,
  actor: Actor,
  id: string,
  input: LineInput,
  now = new Date(),
): Promise<CandidateView> {
  const row = await candidateForWrite(db, actor, id, 'add a line', { othersMayJoin: true });
  if (closedStatuses.includes(row.status as CandidateStatus))
    throw conflict('candidate.closed', `The candidacy is ${row.status}: its lines are final.`);
  const { place } = await raceAndPlace(db, actor.coalitionId, row.race_id);
  const line = await resolveLine(db, actor, input, place.place.statePo);
  const existing = await repo.listLines(db, actor.coalitionId, [row.id]);
  if (existing.some((l) => l.organization_id === line.organization_id))
    throw conflict(
      'line.duplicate',
      `${line.label} already nominates or endorses ${row.name}: remove that line first.`,
    );
  const settings = await getTicketSettings(db, actor.coalitionId);
  const check = await evaluateRules(db, settings, {
    place,
    lines: [...existing.map(toNominationLine), toNominationLine(line)],
    facts: factsSchema.parse(row.facts),
    proposer: row.organization_id,
    assignments: [],
    names: new Map(),
    exception: false,
  });
  if (!check.fusion.ok) refuse(check);
  const inserted = await repo.insertLine(db, {
    ...line,
    coalition_id: actor.coalitionId,
    candidate_id: row.id,
    created_by: actor.userId,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'candidate.line_added',
    subject: { type: 'candidate', id: row.id },
    rows: [{ table: 'candidate_lines', id: inserted.id }],
    payload: { lineId: inserted.id, ...line },
  });
  await reassessDissidence(db, actor, row, now);
  return getCandidate(db, actor, row.id, now);
}

/** A member withdraws its own line (staff: any line). */
export async function removeLine(
  db: Db,
  actor: Actor,
  id: string,
  lineId: string,
  now = new Date(),
): Promise<CandidateView> {
  const row = await candidateForWrite(db, actor, id, 'remove a line', { othersMayJoin: true });
  const [line] = (await repo.listLines(db, actor.coalitionId, [row.id])).filter((l) => l.id === lineId);
  if (!line) throw notFound('line.not_found', 'No such line on this candidate.');
  if (!isStaff(actor) && line.organization_id !== actor.organizationId)
    throw forbidden('line.not_yours', 'A delegate may remove only its own member’s line.');
  if (closedStatuses.includes(row.status as CandidateStatus))
    throw conflict('candidate.closed', `The candidacy is ${row.status}: its lines are final.`);
  await repo.deleteLine(db, actor.coalitionId, row.id, lineId);
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'candidate.line_removed',
    subject: { type: 'candidate', id: row.id },
    deletedRows: [{ table: 'candidate_lines', id: lineId }],
    payload: { lineId, organizationId: line.organization_id, kind: line.kind, label: line.label },
  });
  await reassessDissidence(db, actor, row, now);
  return getCandidate(db, actor, row.id, now);
}

/** A line's Wilson-Pakula authorization (its member's delegate or staff). */
export async function recordWilsonPakula(
  db: Db,
  actor: Actor,
  id: string,
  lineId: string,
  authorized: boolean,
  now = new Date(),
) {
  const row = await candidateForWrite(db, actor, id, 'record an authorization', { othersMayJoin: true });
  const [line] = (await repo.listLines(db, actor.coalitionId, [row.id])).filter((l) => l.id === lineId);
  if (!line) throw notFound('line.not_found', 'No such line on this candidate.');
  if (!isStaff(actor) && line.organization_id !== actor.organizationId)
    throw forbidden('line.not_yours', 'A delegate may record facts only on its own member’s line.');
  await repo.updateLine(db, actor.coalitionId, lineId, { wilson_pakula: authorized });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'candidate.wilson_pakula_recorded',
    subject: { type: 'candidate', id: row.id },
    rows: [{ table: 'candidate_lines', id: lineId }],
    payload: { lineId, authorized },
  });
  return getCandidate(db, actor, row.id, now);
}

/** NH's write-in fact (the candidate's member or staff); a manual fusion ruling where the law is unknown (staff only). */
export async function recordFacts(
  db: Db,
  actor: Actor,
  id: string,
  input: {
    writeInPrimaryWon?: boolean | null | undefined;
    manualRuling?: { allowed: boolean; note: string } | null | undefined;
  },
  now = new Date(),
): Promise<CandidateView> {
  const row = await candidateForWrite(db, actor, id, 'record facts');
  if (input.manualRuling !== undefined) requireStaff(actor, 'record a manual fusion ruling');
  const facts = factsSchema.parse(row.facts);
  const next: Facts = {
    writeInPrimaryWon:
      input.writeInPrimaryWon === undefined ? facts.writeInPrimaryWon : input.writeInPrimaryWon,
    manualRuling:
      input.manualRuling === undefined
        ? facts.manualRuling
        : input.manualRuling === null
          ? null
          : { ...input.manualRuling, by: actor.userId, at: now.toISOString() },
  };
  await repo.updateCandidate(db, actor.coalitionId, row.id, { facts: JSON.stringify(next) });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'candidate.facts_recorded',
    subject: { type: 'candidate', id: row.id },
    rows: [{ table: 'candidates', id: row.id }],
    payload: { before: facts, after: next },
  });
  return getCandidate(db, actor, row.id, now);
}

async function moveTo(
  db: Db,
  actor: Actor,
  row: repo.CandidateRow,
  action: CandidateAction,
  reason: string | null,
  extra: Record<string, unknown> = {},
) {
  const step = checkCandidateTransition(row.status as CandidateStatus, action);
  if (!step.allowed)
    throw conflict(
      'candidate.transition_invalid',
      `A ${row.status} candidate cannot be ${action === 'certify' ? 'put on the ballot' : `${action}ed`}: allowed from ${step.allowedFrom.join(', ')}.`,
      {
        status: row.status,
        allowedFrom: step.allowedFrom,
      },
    );
  const updated = await repo.updateCandidate(db, actor.coalitionId, row.id, {
    status: step.to,
    status_reason: reason,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: `candidate.${step.to}`,
    subject: { type: 'candidate', id: row.id },
    rows: [{ table: 'candidates', id: row.id }],
    payload: { name: row.name, from: row.status, to: step.to, reason, ...extra },
  });
  return updated;
}

/**
 * The coalition endorses a proposed candidate: the secretariat directly, or through a decision when
 * the settings say so (the first call opens the decision, a call after it passed endorses).
 */
export async function endorseCandidate(
  db: Db,
  actor: Actor,
  id: string,
  options: { closesAt?: string } = {},
  now = new Date(),
): Promise<CandidateView> {
  requireStaff(actor, 'endorse a candidate');
  const row = await candidateForWrite(db, actor, id, 'endorse a candidate');
  if (row.status !== 'proposed')
    throw conflict('candidate.transition_invalid', `The candidate is ${row.status}, not proposed.`);
  const current = await getCandidate(db, actor, id, now);
  if (!current.check.fusion.ok) refuse(current.check);
  const settings = await getTicketSettings(db, actor.coalitionId);
  if (settings.endorsementBy === 'secretariat') {
    await moveTo(db, actor, row, 'endorse', null, { via: 'secretariat' });
    return getCandidate(db, actor, id, now);
  }
  if (!row.endorsement_decision_id) {
    const decision = await createDecision(
      db,
      actor,
      {
        kind: 'motion',
        title: `Endorse ${row.name} for ${current.race.name} (${current.memberName})`,
        body: [
          `${current.memberName} proposes ${row.name} for ${current.race.name} (${current.race.electionName}).`,
          `Lines: ${current.lines.map((l) => `${l.label} (${l.kind})`).join(', ') || 'none'}.`,
          current.dissident.length > 0
            ? `Dissident: ${current.check.pact.findings.map((f) => f.message).join(' ')}`
            : '',
        ]
          .filter(Boolean)
          .join('\n'),
        ...(options.closesAt ? { closesAt: options.closesAt } : {}),
      },
      now,
    );
    await repo.updateCandidate(db, actor.coalitionId, row.id, { endorsement_decision_id: decision.id });
    await appendAudit(db, {
      coalitionId: actor.coalitionId,
      actor,
      action: 'candidate.endorsement_requested',
      subject: { type: 'candidate', id: row.id },
      rows: [{ table: 'candidates', id: row.id }],
      payload: { decisionId: decision.id },
    });
    return getCandidate(db, actor, id, now);
  }
  const outcome = (await readDecisionOutcomes(db, actor.coalitionId, [row.endorsement_decision_id], now)).get(
    row.endorsement_decision_id,
  );
  if (outcome?.phase !== 'closed')
    throw conflict('candidate.endorsement_pending', 'The endorsement decision is still open.', {
      decisionId: row.endorsement_decision_id,
    });
  if (outcome.outcome !== 'passed') {
    await repo.updateCandidate(db, actor.coalitionId, row.id, { endorsement_decision_id: null });
    throw conflict(
      'candidate.endorsement_rejected',
      `The endorsement decision closed ${outcome.outcome}: the candidate stays proposed.`,
      {
        decisionId: row.endorsement_decision_id,
      },
    );
  }
  await moveTo(db, actor, row, 'endorse', null, { via: 'decision', decisionId: row.endorsement_decision_id });
  return getCandidate(db, actor, id, now);
}

/**
 * File, put on the ballot, reject (with a reason), elect or defeat. Filing and withdrawing are
 * the member's own (its delegates) or staff; the rest is staff.
 */
export async function transitionCandidate(
  db: Db,
  actor: Actor,
  id: string,
  input: TransitionInput,
  now = new Date(),
): Promise<CandidateView> {
  const row = await candidateForWrite(db, actor, id, `${input.action} a candidate`);
  const memberMay = input.action === 'file' || (input.action === 'reject' && input.reason === 'withdrawn');
  if (!memberMay) requireStaff(actor, `${input.action} a candidate`);
  if (input.action === 'reject' && !input.reason)
    throw invalid(
      'candidate.reason_required',
      'Say why the candidacy is rejected (reason: missed_deadline, petition_short, withdrawn, disqualified).',
    );
  const updated = await moveTo(
    db,
    actor,
    row,
    input.action,
    input.action === 'reject' ? (input.reason ?? null) : null,
    input.note ? { note: input.note } : {},
  );
  if (input.action === 'file') await reassessDissidence(db, actor, updated, now);
  return getCandidate(db, actor, id, now);
}

export { moveTo as moveCandidate, reassessDissidence };

/**
 * One page of the races a ticket can be built for (the coalition's own, imported), searched by
 * name, office or place and by state, in name order, each with its state.
 */
export async function searchNominationRaces(
  db: Db,
  actor: Actor,
  query: RaceSearchQuery,
): Promise<{ races: RaceRef[]; nextCursor: string | null }> {
  const { limit, cursor, ...search } = query;
  if (cursor) requireOwnCursor(actor, cursor[1]);
  const rows = await repo.searchOwnRaces(db, actor.coalitionId, search, {
    limit,
    after: cursor && [cursor[2], cursor[3]],
  });
  const page = pageOf(rows, limit, (row) => ['races', actor.coalitionId, row.name, row.id]);
  const places = await resolvePlaces(
    db,
    actor.coalitionId,
    page.items.map((r) => r.jurisdiction_id),
  );
  return {
    races: page.items.map((r) => toRaceRef(r, places.get(r.jurisdiction_id))),
    nextCursor: page.nextCursor,
  };
}

/**
 * A refused line attempt, kept on the record: the route's transaction rolled back, so this runs in
 * its own and appends `candidate.fusion_refused` with the state, the rule and what was asked.
 */
export async function recordRefusal(
  db: Db,
  actor: Actor,
  candidateId: string,
  error: DomainError,
  line: LineInput,
) {
  if (!error.code.startsWith('fusion.') && error.code !== 'line.coalition_not_recognised') return;
  const row = await repo.findCandidate(db, actor.coalitionId, candidateId);
  if (!row) return;
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'candidate.fusion_refused',
    subject: { type: 'candidate', id: row.id },
    payload: { code: error.code, message: error.message, line, details: error.details ?? {} },
  });
}

/** The candidate's history from the audit log: every transition, line, flag and refused attempt. */
export async function candidateHistory(db: Db, actor: Actor, id: string) {
  const row = await repo.findCandidate(db, actor.coalitionId, id);
  if (!row) throw notFound('candidate.not_found', 'No such candidate.');
  const events = await repo.listCandidateEvents(db, actor.coalitionId, id);
  return events.map((e) => {
    const payload = (e.payload ?? {}) as Record<string, unknown>;
    return {
      seq: Number(e.seq),
      at: new Date(e.at).toISOString(),
      action: e.action,
      message: typeof payload.message === 'string' ? payload.message : null,
    };
  });
}
