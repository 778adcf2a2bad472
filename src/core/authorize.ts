import { type Actor, isStaff, requireRole, staffRoles } from './actor.ts';
import { forbidden } from './errors.ts';
import type { OrganizationStatus } from './rules/lifecycle.ts';

interface OrganizationRef {
  id: string;
  name: string;
  status: OrganizationStatus;
}

export const requireStaff = (actor: Actor, action: string): void => requireRole(actor, staffRoles, action);
export const requireAdmin = (actor: Actor, action: string): void => requireRole(actor, ['admin'], action);

/** A delegate acting for its own organization, which must still be able to act. */
export function requireDelegateOf(actor: Actor, org: OrganizationRef, action: string): void {
  if (actor.role !== 'delegate' || actor.organizationId !== org.id) {
    throw forbidden('organization.not_your_delegation', `Only a delegate of ${org.name} may ${action}.`, {
      organizationId: org.id,
    });
  }
  requireActive(org, action);
}

/** Coalition staff, or a delegate of the organization. */
export function requireStaffOrDelegateOf(actor: Actor, org: OrganizationRef, action: string): void {
  if (isStaff(actor)) return;
  requireDelegateOf(actor, org, action);
}

/**
 * A suspended organization keeps its seat but not its voice: its delegates may read and withdraw,
 * nothing else. Expelled and withdrawn organizations can do nothing.
 */
export function requireActive(org: OrganizationRef, action: string): void {
  if (org.status === 'applicant' || org.status === 'member') return;
  throw forbidden(`organization.${org.status}`, `${org.name} is ${org.status} and may not ${action}.`, {
    organizationId: org.id,
    status: org.status,
  });
}
