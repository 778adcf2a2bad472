import { type Actor, isStaff } from '../../core/actor.ts';
import { forbidden } from '../../core/errors.ts';

/**
 * Circulators, packets, checks and signer lines belong to the member running the drive: coalition
 * staff and that member's own delegates and organizers see and edit them; other members see the
 * drive's totals only.
 */
export function canManageDrive(actor: Actor, drive: { organization_id: string }): boolean {
  if (isStaff(actor)) return true;
  return (
    (actor.role === 'delegate' || actor.role === 'organizer') &&
    actor.organizationId === drive.organization_id
  );
}

export function requireManageDrive(
  actor: Actor,
  drive: { organization_id: string; name: string },
  action: string,
): void {
  if (!canManageDrive(actor, drive)) {
    throw forbidden(
      'petitions.not_your_drive',
      `Only coalition staff and the drive's own member may ${action} (${drive.name}).`,
    );
  }
}

/** Who may add a requirement or start a drive: anyone but a read-only viewer. */
export function requireContributor(actor: Actor, action: string): void {
  if (actor.role === 'viewer') throw forbidden('auth.forbidden', `Your role (viewer) may not ${action}.`);
}
