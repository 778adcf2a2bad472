import type { Actor } from '../../core/actor.ts';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import { requireStaff } from '../../core/authorize.ts';
import { asOrganizationId } from '../../core/decide/types.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { TransitionCause } from '../../core/rules/lifecycle.ts';
import { defaultSecrecyK } from '../../core/secrecy/levels.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit, sha256Hex } from '../audit/index.ts';
import { adoptCharterVersion, applyTransition } from '../registry/index.ts';
import { listBallots } from './ballots.repository.ts';
import { countDecision } from './count.ts';
import * as repo from './decisions.repository.ts';
import type { DecisionResult } from './decisions.schema.ts';
import { digestEntry, rollOf, rulesOf, storedBallot } from './views.ts';

/**
 * The result of closing the decision now, with its full tally: reads only. A read of a decision
 * whose window has passed shows this before the close is stored (docs/decisions/0012).
 */
async function computeClose(
  db: Db,
  row: repo.DecisionRow,
  close: { reason: 'staff' | 'window'; now: Date },
): Promise<{ result: DecisionResult; outcome: repo.DecisionRow['outcome']; closedAt: Date }> {
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
    secretK: row.secret ? (rules.secrecyK ?? defaultSecrecyK) : null,
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
    secrecy: counting.secrecy,
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
  return { result, outcome: counting.outcome, closedAt };
}

/**
 * Stores the result with its full tally, appends `decision.closed`, then carries out a passed
 * outcome (status change or new charter version). Runs with the decision row locked.
 */
async function finalize(
  db: Db,
  row: repo.DecisionRow,
  close: { actor: Actor | null; reason: 'staff' | 'window'; now: Date },
): Promise<repo.DecisionRow> {
  const { result, outcome, closedAt } = await computeClose(db, row, close);
  const counting = { outcome };
  await repo.updateDecision(db, row.id, {
    status: 'closed',
    result: JSON.stringify(result),
    outcome: counting.outcome,
    closed_at: closedAt,
    closed_by: close.actor?.userId ?? null,
  });
  result.applied = counting.outcome === 'passed' ? await carryOut(db, row, close) : null;
  const closed = await repo.updateDecision(db, row.id, { result: JSON.stringify(result) });
  // Appended after carrying out (its status change or charter version comes first in the chain),
  // so the event records the row as it ends up, with `applied`.
  await appendAudit(db, {
    coalitionId: row.coalition_id,
    actor: close.actor,
    action: 'decision.closed',
    subject: { type: 'decision', id: row.id },
    payload: { ...result },
    rows: [{ table: 'decisions', id: row.id }],
  });
  return closed;
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
 * A decision as a read shows it: one whose window has passed but whose close is not stored yet
 * reads as closed, with the result the close will store (computed here, nothing written; the
 * `applied` line stays empty until the close carries the outcome out).
 */
export async function asReadNow(db: Db, row: repo.DecisionRow, now: Date): Promise<repo.DecisionRow> {
  if (row.status !== 'open' || new Date(row.closes_at) > now) return row;
  const { result, outcome, closedAt } = await computeClose(db, row, { reason: 'window', now });
  return { ...row, status: 'closed', result, outcome, closed_at: closedAt };
}

/**
 * Closes the coalition's decisions whose window has passed (or only `onlyId`), inside the caller's
 * transaction. Each is locked and checked again first, so two servers closing at once close it
 * once, with one audit event. Runs at the first write after the deadline and from the server's
 * close timer (closeAllDueDecisions); reads never call it.
 */
export async function closeDueDecisions(
  db: Db,
  coalitionId: string,
  now: Date,
  onlyId?: string,
): Promise<number> {
  const due = await repo.listDueDecisionIds(db, coalitionId, now);
  let closed = 0;
  for (const { id } of due) {
    if (onlyId !== undefined && id !== onlyId) continue;
    const row = await repo.findDecision(db, coalitionId, id, 'update');
    if (row?.status === 'open' && new Date(row.closes_at) <= now) {
      await finalize(db, row, { actor: null, reason: 'window', now });
      closed += 1;
    }
  }
  return closed;
}

/**
 * The server's close job: every coalition's decisions whose window has passed, each in its own
 * transaction (one failing close does not hold back the others). Idempotent: the row lock and the
 * status check in closeDueDecisions make a second server, or a write racing it, find it closed.
 */
export async function closeAllDueDecisions(
  db: Db,
  now: Date,
): Promise<{ closed: number; failed: { id: string; error: unknown }[] }> {
  let closed = 0;
  const failed: { id: string; error: unknown }[] = [];
  for (const { id, coalition_id } of await repo.listAllDueDecisions(db, now)) {
    try {
      closed += await db.transaction().execute((trx) => closeDueDecisions(trx, coalition_id, now, id));
    } catch (error) {
      failed.push({ id, error });
    }
  }
  return { closed, failed };
}
