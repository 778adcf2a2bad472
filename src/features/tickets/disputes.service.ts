import type { Actor } from '../../core/actor.ts';
import { requireStaff } from '../../core/authorize.ts';
import { conflict, notFound } from '../../core/errors.ts';
import { type DisputeOption, disputeOptions, disputeRemedy } from '../../core/tickets/compliance.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { createDecision, getDecisionView } from '../decisions/index.ts';
import { getCandidate, moveCandidate } from './candidates.service.ts';
import * as repo from './tickets.repository.ts';
import type { CandidateView } from './tickets.schema.ts';
import { loadViewContext, storedDissidence, toCandidateView } from './views.service.ts';

/**
 * A dissident candidacy goes to the coalition: the secretariat opens a dispute, a ranked decision
 * between withdrawing the candidacy, accepting it as an exception to the pact, or a sanction under
 * the charter; once it is decided, resolving carries the outcome out and records it.
 */
export async function openDispute(
  db: Db,
  actor: Actor,
  id: string,
  options: { closesAt?: string } = {},
  now = new Date(),
): Promise<CandidateView> {
  requireStaff(actor, 'open a compliance dispute');
  const row = await repo.findCandidate(db, actor.coalitionId, id, { forUpdate: true });
  if (!row) throw notFound('candidate.not_found', 'No such candidate.');
  const findings = storedDissidence(row);
  if (findings.length === 0)
    throw conflict('dispute.not_dissident', `${row.name} runs against no ratified pact.`);
  if (row.dispute_decision_id && !row.dispute_outcome)
    throw conflict('dispute.already_open', 'A dispute on this candidacy is already open.', {
      decisionId: row.dispute_decision_id,
    });
  const view = await getCandidate(db, actor, id, now);
  const decision = await createDecision(
    db,
    actor,
    {
      kind: 'motion',
      title: `Dissident candidacy: ${row.name} (${view.memberName}) in ${view.race.name}`,
      body: [
        ...view.check.pact.findings.map((f) => f.message),
        '',
        'Rank the remedies: withdraw the candidacy; accept it as an exception and amend the pact; or sanction the member under the charter.',
      ].join('\n'),
      method: 'irv',
      options: [...disputeOptions],
      ...(options.closesAt ? { closesAt: options.closesAt } : {}),
    },
    now,
  );
  await repo.updateCandidate(db, actor.coalitionId, row.id, {
    dispute_decision_id: decision.id,
    dispute_outcome: null,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'candidate.dispute_opened',
    subject: { type: 'candidate', id: row.id },
    rows: [{ table: 'candidates', id: row.id }],
    payload: { decisionId: decision.id, findings },
  });
  return getCandidate(db, actor, id, now);
}

/** Carries out a decided dispute: withdraw (rejected, withdrawn), accept as an exception (no longer flagged), or sanction (recorded). */
export async function resolveDispute(
  db: Db,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<CandidateView> {
  requireStaff(actor, 'carry out a dispute decision');
  const row = await repo.findCandidate(db, actor.coalitionId, id, { forUpdate: true });
  if (!row) throw notFound('candidate.not_found', 'No such candidate.');
  if (!row.dispute_decision_id) throw conflict('dispute.none', 'No dispute is open on this candidacy.');
  if (row.dispute_outcome)
    throw conflict('dispute.resolved', `The dispute was already settled: ${row.dispute_outcome}.`);
  const decision = await getDecisionView(db, actor, row.dispute_decision_id, now);
  if (decision.phase !== 'closed')
    throw conflict('dispute.pending', 'The dispute decision is still open.', { decisionId: decision.id });
  const winner = decision.result?.ranked?.winners[0] as DisputeOption | undefined;
  if (decision.outcome !== 'decided' || !winner || !(winner in disputeRemedy)) {
    await repo.updateCandidate(db, actor.coalitionId, row.id, { dispute_decision_id: null });
    throw conflict(
      'dispute.undecided',
      `The dispute decision closed without a remedy (${decision.outcome}): open a new one.`,
      {
        decisionId: decision.id,
      },
    );
  }
  const remedy = disputeRemedy[winner];
  if (remedy === 'withdraw' && ['proposed', 'endorsed', 'filed', 'on_ballot'].includes(row.status)) {
    await moveCandidate(db, actor, row, 'reject', 'withdrawn', { via: 'dispute', decisionId: decision.id });
  }
  await repo.updateCandidate(db, actor.coalitionId, row.id, {
    dispute_outcome: remedy,
    ...(remedy === 'accept_exception' ? { dissident: JSON.stringify([]) } : {}),
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'candidate.dispute_resolved',
    subject: { type: 'candidate', id: row.id },
    rows: [{ table: 'candidates', id: row.id }],
    payload: { decisionId: decision.id, remedy, option: winner, findings: storedDissidence(row) },
  });
  return getCandidate(db, actor, id, now);
}

/** The compliance alerts: every candidacy flagged dissident (or whose dispute is open), newest first. */
export async function listAlerts(db: Db, actor: Actor, now = new Date()) {
  const rows = (await repo.listCandidates(db, actor.coalitionId, {})).filter(
    (r) => storedDissidence(r).length > 0 || (r.dispute_decision_id !== null && r.dispute_outcome === null),
  );
  const ctx = await loadViewContext(db, actor.coalitionId, rows, now);
  const alerts = [];
  for (const row of rows.reverse()) {
    const view = await toCandidateView(db, actor.coalitionId, row, ctx);
    alerts.push({
      candidateId: view.id,
      candidateName: view.name,
      raceName: view.race.name,
      status: view.status,
      dissident: view.dissident,
      dissidentMember: view.memberName,
      dispute: view.dispute,
    });
  }
  return alerts;
}
