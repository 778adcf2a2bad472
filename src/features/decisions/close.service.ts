import type { Actor } from '../../core/actor.ts';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import { requireStaff } from '../../core/authorize.ts';
import { asOrganizationId } from '../../core/decide/types.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { TransitionCause } from '../../core/rules/lifecycle.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit, sha256Hex } from '../audit/index.ts';
import { adoptCharterVersion, applyTransition } from '../registry/index.ts';
import { listBallots } from './ballots.repository.ts';
import { countDecision } from './count.ts';
import * as repo from './decisions.repository.ts';
import type { DecisionResult } from './decisions.schema.ts';
import { digestEntry, rollOf, rulesOf, storedBallot } from './views.ts';

/**
 * Computes and stores the result with its full tally, appends `decision.closed`, then carries
 * out a passed outcome (status change or new charter version). Runs with the decision row locked.
 */
async function finalize(
  db: Db,
  row: repo.DecisionRow,
  close: { actor: Actor | null; reason: 'staff' | 'window'; now: Date },
): Promise<repo.DecisionRow> {
  const closedAt = close.reason === 'window' ? new Date(row.closes_at) : close.now;
  const roll = rollOf(row);
  const rules = rulesOf(row);
  const ballots = await listBallots(db, row.id);
  const current = new Map(
    (
      await repo.findOrganizationNames(
        db,
        row.coalition_id,
        roll.voters.map((v) => v.organizationId),
      )
    ).map((o) => [o.id, o.status]),
  );
  // Suspended, expelled or withdrawn since the roll was made: no longer eligible, not in the quorum.
  const eligible = roll.voters.filter((v) => current.get(v.organizationId) === 'member');
  const eligibleIds = new Set(eligible.map((v) => v.organizationId));
  const counted = ballots
    .filter((b) => eligibleIds.has(b.organization_id))
    .map((b) => ({ organizationId: b.organization_id, receipt: b.receipt, ballot: storedBallot(b.content) }));
  const counting = countDecision({
    decisionId: row.id,
    method: row.method,
    rules,
    voters: eligible.map((v) => ({
      organizationId: asOrganizationId(v.organizationId),
      strength: v.strength,
    })),
    ballots: counted,
  });
  const voted = new Set(counted.map((b) => b.organizationId));
  const names = new Map(roll.voters.map((v) => [v.organizationId, v.name]));
  const result: DecisionResult = {
    closedAt: closedAt.toISOString(),
    closeReason: close.reason,
    weighting: rules.weighting,
    strengthMetric: rules.strengthMetric,
    weightCapPermille: rules.weightCapPermille,
    capNote: counting.capNote,
    eligible: counting.weights.map((w, i) => ({
      organizationId: w.organizationId,
      name: names.get(w.organizationId) ?? '',
      strength: eligible[i]?.strength ?? 0,
      weight: w.weight,
      share: w.share,
      capped: w.capped,
      voted: voted.has(w.organizationId),
    })),
    excluded: [
      ...roll.recused,
      ...roll.voters
        .filter((v) => !eligibleIds.has(v.organizationId))
        .map((v) => ({
          organizationId: v.organizationId,
          name: v.name,
          reason: `${current.get(v.organizationId) ?? 'gone'} when the decision closed`,
        })),
    ],
    uncountedBallots: ballots.length - counted.length,
    tally: counting.tally,
    ranked: counting.ranked,
    ballots: row.secret
      ? null
      : counted.map((b) => ({
          organizationId: b.organizationId,
          name: names.get(b.organizationId) ?? '',
          receipt: b.receipt,
          ...b.ballot,
        })),
    // Binds the published list of ballots into the audit chain: anyone can recompute it.
    ballotsDigest: sha256Hex(canonicalJson(counted.map((b) => digestEntry(b.receipt, b.ballot)))),
    applied: null,
  };
  await repo.updateDecision(db, row.id, {
    status: 'closed',
    result: JSON.stringify(result),
    outcome: counting.outcome,
    closed_at: closedAt,
    closed_by: close.actor?.userId ?? null,
  });
  await appendAudit(db, {
    coalitionId: row.coalition_id,
    actor: close.actor,
    action: 'decision.closed',
    subject: { type: 'decision', id: row.id },
    payload: { ...result },
  });
  result.applied = counting.outcome === 'passed' ? await carryOut(db, row, close) : null;
  return repo.updateDecision(db, row.id, { result: JSON.stringify(result) });
}

async function carryOut(
  db: Db,
  row: repo.DecisionRow,
  close: { actor: Actor | null; now: Date },
): Promise<string | null> {
  if (row.kind === 'motion') return null;
  if (row.kind === 'charter_amendment') {
    const planks = (row.proposal as { planks: { title: string; text: string }[] }).planks;
    const version = await adoptCharterVersion(db, {
      coalitionId: row.coalition_id,
      planks,
      decisionId: row.id,
      now: close.now,
    });
    return `charter version ${version.version} adopted`;
  }
  if (!row.subject_organization_id) return null;
  const transition = await applyTransition(db, {
    coalitionId: row.coalition_id,
    organizationId: row.subject_organization_id,
    cause: row.kind as TransitionCause,
    actor: close.actor,
    decisionId: row.id,
    note: row.title,
    now: close.now,
  });
  return transition.applied
    ? `status ${transition.from} → ${transition.to}`
    : `not applied: ${transition.why}`;
}

/** Staff close a decision now (before its window ends, e.g. when the assembly has voted). */
export async function closeDecision(db: Db, actor: Actor, id: string, now = new Date()) {
  requireStaff(actor, 'close a decision');
  const row = await repo.findDecision(db, actor.coalitionId, id, 'update');
  if (!row) throw notFound('decision.not_found', 'No such decision.');
  if (row.status === 'closed') throw conflict('decision.closed', 'The decision is already closed.');
  if (new Date(row.closes_at) <= now) return finalize(db, row, { actor: null, reason: 'window', now });
  if (new Date(row.opens_at) > now) throw conflict('decision.not_open', 'The decision has not opened yet.');
  return finalize(db, row, { actor, reason: 'staff', now });
}

/**
 * Closes the coalition's decisions whose window has passed. There is no timer: this runs at the
 * next read or write that touches decisions, inside that request's transaction.
 */
export async function closeDueDecisions(
  db: Db,
  coalitionId: string,
  now: Date,
  onlyId?: string,
): Promise<void> {
  const due = await repo.listDueDecisionIds(db, coalitionId, now);
  for (const { id } of due) {
    if (onlyId !== undefined && id !== onlyId) continue;
    const row = await repo.findDecision(db, coalitionId, id, 'update');
    if (row?.status === 'open' && new Date(row.closes_at) <= now) {
      await finalize(db, row, { actor: null, reason: 'window', now });
    }
  }
}
