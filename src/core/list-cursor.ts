import { notACursor } from '../contract/cursor.ts';
import type { Actor } from './actor.ts';
import { DomainError } from './errors.ts';

/**
 * A list's cursor carries the coalition it was read in (the zod schema checks only its shape): a
 * cursor kept from another coalition (a user in two coalitions, a shared link) is refused with the
 * same 400 as a cursor of another list, rather than starting the walk at a foreign position.
 */
export function requireOwnCursor(actor: Actor, coalitionId: string): void {
  if (coalitionId === actor.coalitionId) return;
  const issue = { path: 'querystring.cursor', message: notACursor };
  throw new DomainError('invalid', 'request.invalid', `${issue.path}: ${issue.message}`, { issues: [issue] });
}
