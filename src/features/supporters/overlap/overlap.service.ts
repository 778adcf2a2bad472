import type { Actor } from '../../../core/actor.ts';
import { conflict, forbidden, invalid, notFound } from '../../../core/errors.ts';
import { suppressCount } from '../../../core/people/suppress.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../audit/index.ts';
import { ownerScope } from '../access.ts';
import { listPeopleIdentifiers, type Scope } from '../people.repository.ts';
import type { OverlapRunView } from '../supporters.schema.ts';
import * as repo from './overlap.repository.ts';
import { runOverlap } from './protocol.ts';

/** Only a member's delegates speak for it in an overlap run. */
function delegateScope(actor: Actor, action: string): Scope {
  const scope = ownerScope(actor, action);
  if (actor.role !== 'delegate')
    throw forbidden('overlap.delegates_only', `Only a delegate may ${action} for its member.`);
  return scope;
}

/**
 * One identifier per person: the first normalized email, else the first E.164 phone. Counting
 * people rather than identifiers keeps someone known by both email and phone from counting twice.
 */
async function identifiersOf(db: Db, scope: Scope): Promise<string[]> {
  const rows = await listPeopleIdentifiers(db, scope);
  return rows
    .map((r) => (r.emails[0] ? `email:${r.emails[0]}` : r.phones[0] ? `phone:${r.phones[0]}` : null))
    .filter((x): x is string => x !== null);
}

export async function requestOverlap(db: Db, actor: Actor, partnerId: string): Promise<OverlapRunView> {
  const scope = delegateScope(actor, 'request an overlap count');
  if (partnerId === scope.organizationId)
    throw invalid('overlap.same_member', 'An overlap count needs another member.');
  if ((await repo.organizationName(db, scope.coalitionId, partnerId)) === null)
    throw invalid('overlap.unknown_member', 'No such member in this coalition.');
  const run = await repo.insertRun(db, {
    coalition_id: scope.coalitionId,
    requester_id: scope.organizationId,
    partner_id: partnerId,
    requested_by: actor.userId,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'overlap.requested',
    subject: { type: 'overlap_run', id: run.id },
    payload: { requester: scope.organizationId, partner: partnerId },
  });
  return findView(db, scope, run.id);
}

/**
 * The partner agrees and the run happens: each side's identifiers are read under that side's own
 * scope (the only place one request touches two members' people, and only to blind them), blinded
 * with a fresh key per side, relayed, and counted. Only the count is kept, and the audit event
 * records the run without it.
 */
export async function approveOverlap(
  db: Db,
  actor: Actor,
  runId: string,
  now = new Date(),
): Promise<OverlapRunView> {
  const scope = delegateScope(actor, 'approve an overlap count');
  const run = await repo.findRunFor(db, scope, runId);
  if (!run) throw notFound('overlap.not_found', 'No such overlap run for your member.');
  if (run.partner_id !== scope.organizationId)
    throw forbidden('overlap.not_yours_to_approve', 'The other member approves the run you requested.');
  if (run.status !== 'requested') throw conflict('overlap.decided', `This run is already ${run.status}.`);
  const requesterScope = { coalitionId: scope.coalitionId, organizationId: run.requester_id };
  const result = runOverlap(await identifiersOf(db, requesterScope), await identifiersOf(db, scope));
  await repo.decideRun(db, run.id, {
    status: 'completed',
    decided_by: actor.userId,
    decided_at: now,
    shared_count: result.partnerCount,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'overlap.completed',
    subject: { type: 'overlap_run', id: run.id },
    payload: { requester: run.requester_id, partner: run.partner_id, protocol: 'ecdh-psi-ca/ristretto255' },
  });
  return findView(db, scope, run.id);
}

export async function declineOverlap(
  db: Db,
  actor: Actor,
  runId: string,
  now = new Date(),
): Promise<OverlapRunView> {
  const scope = delegateScope(actor, 'decline an overlap count');
  const run = await repo.findRunFor(db, scope, runId);
  if (!run) throw notFound('overlap.not_found', 'No such overlap run for your member.');
  if (run.partner_id !== scope.organizationId)
    throw forbidden('overlap.not_yours_to_approve', 'The other member decides on the run you requested.');
  if (run.status !== 'requested') throw conflict('overlap.decided', `This run is already ${run.status}.`);
  await repo.decideRun(db, run.id, {
    status: 'declined',
    decided_by: actor.userId,
    decided_at: now,
    shared_count: null,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'overlap.declined',
    subject: { type: 'overlap_run', id: run.id },
    payload: { requester: run.requester_id, partner: run.partner_id },
  });
  return findView(db, scope, run.id);
}

export async function listOverlapRuns(db: Db, actor: Actor): Promise<OverlapRunView[]> {
  const scope = ownerScope(actor, 'list overlap runs');
  return (await repo.listRunsFor(db, scope)).map((r) => toView(scope, r));
}

async function findView(db: Db, scope: Scope, id: string): Promise<OverlapRunView> {
  const view = (await repo.listRunsFor(db, scope)).find((r) => r.id === id);
  if (!view) throw notFound('overlap.not_found', 'No such overlap run for your member.');
  return toView(scope, view);
}

function toView(scope: Scope, r: Awaited<ReturnType<typeof repo.listRunsFor>>[number]): OverlapRunView {
  return {
    id: r.id,
    requester: { id: r.requester_id, name: r.requester_name },
    partner: { id: r.partner_id, name: r.partner_name },
    status: r.status,
    awaitingYou: r.status === 'requested' && r.partner_id === scope.organizationId,
    requestedAt: new Date(r.requested_at).toISOString(),
    decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
    sharedCount: r.shared_count === null ? null : suppressCount(r.shared_count),
  };
}

export type { OverlapRunView };
