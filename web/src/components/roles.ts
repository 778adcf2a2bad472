import { type Role, type Session, staffRoles } from '../api/session.ts';
import type { OrganizationStatus } from '../api/types.ts';

/** Mirrors the server's rules so the interface offers only what will be allowed; the server decides. */
export const isStaffRole = (role: Role) => staffRoles.includes(role);

export const isDelegateOf = (session: Session | null | undefined, organizationId: string) =>
  session?.role === 'delegate' && session.organizationId === organizationId;

export const canActFor = (session: Session | null | undefined, organizationId: string) =>
  !!session && (isStaffRole(session.role) || isDelegateOf(session, organizationId));

/** Expelled and withdrawn organizations can do nothing more in the coalition. */
export const isFinal = (status: OrganizationStatus) => status === 'expelled' || status === 'withdrawn';
