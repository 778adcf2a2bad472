import type { Actor } from '../../core/actor.ts';
import { invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';

/** The coalition a CLI command works on, by slug. */
export async function resolveCoalition(
  db: Db,
  slug: string,
): Promise<{ id: string; slug: string; name: string }> {
  const coalition = await db
    .selectFrom('coalitions')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!coalition) throw notFound('coalition.not_found', `No coalition "${slug}".`);
  return coalition;
}

/**
 * The CLI acts as a named user with that user's role, so the same rules apply as over HTTP and
 * the audit log names a person, never "the command line".
 */
export async function resolveCliActor(
  db: Db,
  coalitionSlug: string,
  email: string | undefined,
): Promise<Actor> {
  if (!email)
    throw invalid(
      'cli.actor_required',
      'Say who acts with --as <email> (a user with a role in the coalition).',
    );
  const coalition = await resolveCoalition(db, coalitionSlug);
  const row = await db
    .selectFrom('users')
    .innerJoin('coalition_roles', 'coalition_roles.user_id', 'users.id')
    .select(['users.id', 'coalition_roles.role', 'coalition_roles.organization_id'])
    .where('users.email', '=', email.toLowerCase())
    .where('coalition_roles.coalition_id', '=', coalition.id)
    .executeTakeFirst();
  if (!row) throw notFound('user.not_found', `No user ${email} with a role in coalition "${coalitionSlug}".`);
  return { userId: row.id, coalitionId: coalition.id, organizationId: row.organization_id, role: row.role };
}
