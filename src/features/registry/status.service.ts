import type { Actor } from '../../core/actor.ts';
import { conflict, notFound } from '../../core/errors.ts';
import {
  checkTransition,
  type OrganizationStatus,
  type TransitionCause,
} from '../../core/rules/lifecycle.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import * as repo from './organizations.repository.ts';

export type TransitionResult =
  | { applied: true; from: OrganizationStatus; to: OrganizationStatus }
  | { applied: false; from: OrganizationStatus; why: string };

/**
 * The only way an organization's status changes: a decision's outcome (with its id) or a recorded
 * withdrawal. Locks the organization row, checks the lifecycle, writes the history and the audit
 * event. Returns `applied: false` when the status no longer allows the change (e.g. the applicant
 * withdrew while its admission was being voted on).
 */
export async function applyTransition(
  db: Db,
  input: {
    coalitionId: string;
    organizationId: string;
    cause: TransitionCause;
    actor: Actor | null;
    decisionId: string | null;
    note: string;
    now: Date;
  },
): Promise<TransitionResult> {
  const org = await repo.findOrganization(db, input.coalitionId, input.organizationId, { forUpdate: true });
  if (!org) throw notFound('organization.not_found', 'No such organization.');
  const check = checkTransition(org.status, input.cause);
  if (!check.allowed) {
    return {
      applied: false,
      from: org.status,
      why: `${org.name} is ${org.status}; ${input.cause} applies only to ${check.allowedFrom.join(' or ')}`,
    };
  }
  await repo.updateOrganization(db, input.coalitionId, org.id, { status: check.to, updated_at: input.now });
  const change = await repo.insertStatusChange(db, {
    coalition_id: input.coalitionId,
    organization_id: org.id,
    from_status: org.status,
    to_status: check.to,
    reason: input.cause === 'withdrawal' ? 'withdrawal' : 'decision',
    decision_id: input.decisionId,
    note: input.note,
    actor_user_id: input.actor?.userId ?? null,
    at: input.now,
  });
  await appendAudit(db, {
    coalitionId: input.coalitionId,
    actor: input.actor,
    action: 'organization.status_changed',
    subject: { type: 'organization', id: org.id },
    rows: [
      { table: 'organizations', id: org.id },
      { table: 'organization_status_changes', id: change.id },
    ],
    payload: {
      from: org.status,
      to: check.to,
      cause: input.cause,
      decisionId: input.decisionId,
      note: input.note,
    },
  });
  return { applied: true, from: org.status, to: check.to };
}

export function requireApplied(result: TransitionResult): {
  from: OrganizationStatus;
  to: OrganizationStatus;
} {
  if (!result.applied) throw conflict('organization.transition_not_allowed', `Not possible: ${result.why}.`);
  return result;
}
