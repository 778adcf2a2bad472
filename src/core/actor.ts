import { forbidden } from './errors.ts';

export const roles = ['admin', 'secretariat', 'delegate', 'organizer', 'viewer'] as const;
export type Role = (typeof roles)[number];

/**
 * Who is acting: every service call receives one. Queries on tenant rows are scoped by
 * `coalitionId`, on member-owned rows by `organizationId`.
 */
export interface Actor {
  userId: string;
  coalitionId: string;
  /** The member organization a delegate or organizer acts for; null for coalition staff. */
  organizationId: string | null;
  role: Role;
}

/** Coalition staff run the coalition; delegates and organizers act for one member. */
export const staffRoles: readonly Role[] = ['admin', 'secretariat'];

export function requireRole(actor: Actor, allowed: readonly Role[], action: string): void {
  if (!allowed.includes(actor.role)) {
    throw forbidden('auth.forbidden', `Your role (${actor.role}) may not ${action}.`, {
      role: actor.role,
      allowed: [...allowed],
    });
  }
}

export function isStaff(actor: Actor): boolean {
  return staffRoles.includes(actor.role);
}
