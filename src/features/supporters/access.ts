import { type Actor, isStaff } from '../../core/actor.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import type { Scope } from './people.repository.ts';

/** Roles that work a member's own people: its delegates and organizers. */
const ownerRoles = new Set(['delegate', 'organizer']);

/**
 * The owner scope every people query runs under, taken from the Actor and nothing else: no route or
 * command can name an organization to read. Coalition staff are told they see aggregates only.
 */
export function ownerScope(actor: Actor, action: string): Scope {
  if (actor.organizationId && ownerRoles.has(actor.role)) {
    return { coalitionId: actor.coalitionId, organizationId: actor.organizationId };
  }
  if (isStaff(actor)) {
    throw forbidden(
      'people.aggregates_only',
      `Coalition staff see supporters only as aggregates; each member's people are its own (you tried to ${action}).`,
    );
  }
  throw forbidden(
    'people.not_a_member_organizer',
    `Only a member's delegates and organizers work with its supporters (you tried to ${action}).`,
  );
}

/** The one answer for a person this owner does not hold, whether it belongs to another member or to nobody. */
export const personNotFound = () => notFound('person.not_found', 'No such person in your organization.');
