import { type Actor, staffRoles } from '../../core/actor.ts';
import { requireStaff } from '../../core/authorize.ts';
import { conflict, notFound } from '../../core/errors.ts';
import { isFinal } from '../../core/rules/lifecycle.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import * as repo from './delegates.repository.ts';
import { findOrganizationOr404 } from './organizations.service.ts';

/** Staff make a user (already in the coalition) a delegate who acts for one organization. */
export async function assignDelegate(db: Db, actor: Actor, organizationId: string, email: string) {
  requireStaff(actor, 'assign delegates');
  const org = await findOrganizationOr404(db, actor, organizationId);
  if (isFinal(org.status))
    throw conflict('organization.final', `${org.name} is ${org.status}: it has no delegates.`);
  const user = await repo.findMemberByEmail(db, actor.coalitionId, email);
  if (!user)
    throw notFound(
      'user.not_found',
      `No user ${email} in this coalition (create one with concord user create).`,
    );
  if (staffRoles.includes(user.role)) {
    throw conflict(
      'delegate.is_staff',
      'Coalition staff cannot also be a member delegate: use a separate account.',
    );
  }
  await repo.setRole(db, actor.coalitionId, user.userId, 'delegate', org.id);
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'delegate.assigned',
    subject: { type: 'organization', id: org.id },
    payload: { userId: user.userId, previousRole: user.role, previousOrganizationId: user.organizationId },
  });
  return repo.listDelegates(db, actor.coalitionId, org.id);
}

/** The user stays in the coalition as a viewer. */
export async function removeDelegate(db: Db, actor: Actor, organizationId: string, userId: string) {
  requireStaff(actor, 'remove delegates');
  const org = await findOrganizationOr404(db, actor, organizationId);
  const role = await repo.findRole(db, actor.coalitionId, userId);
  if (role?.role !== 'delegate' || role.organizationId !== org.id) {
    throw notFound('delegate.not_found', `That user is not a delegate of ${org.name}.`);
  }
  await repo.setRole(db, actor.coalitionId, userId, 'viewer', null);
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'delegate.removed',
    subject: { type: 'organization', id: org.id },
    payload: { userId },
  });
  return repo.listDelegates(db, actor.coalitionId, org.id);
}
