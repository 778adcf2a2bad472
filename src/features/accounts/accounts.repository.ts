import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CoalitionRolesTable, UsersTable } from '../../db/tables/accounts.ts';

export type UserRow = Selectable<UsersTable>;

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function insertUser(db: Db, user: Insertable<UsersTable>) {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export function findCoalitionBySlug(db: Db, slug: string) {
  return db.selectFrom('coalitions').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export function upsertCoalitionRole(db: Db, role: Insertable<CoalitionRolesTable>) {
  return db
    .insertInto('coalition_roles')
    .values(role)
    .onConflict((oc) =>
      oc.columns(['user_id', 'coalition_id']).doUpdateSet({
        role: role.role,
        organization_id: role.organization_id ?? null,
      }),
    )
    .execute();
}

/** The user's roles with their coalitions, oldest membership first. */
export function listMemberships(db: Db, userId: string) {
  return db
    .selectFrom('coalition_roles')
    .innerJoin('coalitions', 'coalitions.id', 'coalition_roles.coalition_id')
    .select([
      'coalitions.id as coalitionId',
      'coalitions.slug',
      'coalitions.name',
      'coalition_roles.role',
      'coalition_roles.organization_id as organizationId',
    ])
    .where('coalition_roles.user_id', '=', userId)
    .orderBy('coalition_roles.created_at')
    .execute();
}

export function insertSession(
  db: Db,
  session: { tokenHash: string; userId: string; coalitionId: string; csrfToken: string; expiresAt: Date },
) {
  return db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      coalition_id: session.coalitionId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** A live session with everything needed to build the request's Actor. */
export function findLiveSession(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('coalitions', 'coalitions.id', 'sessions.coalition_id')
    .innerJoin('coalition_roles', (join) =>
      join
        .onRef('coalition_roles.user_id', '=', 'sessions.user_id')
        .onRef('coalition_roles.coalition_id', '=', 'sessions.coalition_id'),
    )
    .select([
      'sessions.csrf_token as csrfToken',
      'sessions.expires_at as expiresAt',
      'users.id as userId',
      'users.email',
      'users.display_name as displayName',
      'coalitions.id as coalitionId',
      'coalitions.slug as coalitionSlug',
      'coalitions.name as coalitionName',
      'coalition_roles.role',
      'coalition_roles.organization_id as organizationId',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export function deleteSession(db: Db, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export function insertCoalition(db: Db, coalition: { slug: string; name: string }) {
  return db.insertInto('coalitions').values(coalition).returningAll().executeTakeFirstOrThrow();
}

export function listCoalitionsWithUserCounts(db: Db) {
  return db
    .selectFrom('coalitions')
    .leftJoin('coalition_roles', 'coalition_roles.coalition_id', 'coalitions.id')
    .select(({ fn }) => [
      'coalitions.id',
      'coalitions.slug',
      'coalitions.name',
      'coalitions.created_at',
      fn.count<number>('coalition_roles.user_id').as('users'),
    ])
    .groupBy(['coalitions.id', 'coalitions.slug', 'coalitions.name', 'coalitions.created_at'])
    .orderBy('coalitions.created_at')
    .execute();
}

export function deleteExpiredSessions(db: Db, now: Date) {
  return db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
}

export function findSignInFailures(db: Db, email: string) {
  return db.selectFrom('sign_in_failures').selectAll().where('email', '=', email).executeTakeFirst();
}

/** One more failure; a window that started before `windowStart` starts again at this one. */
export function recordSignInFailure(db: Db, email: string, now: Date, windowStart: Date) {
  return db
    .insertInto('sign_in_failures')
    .values({ email, failures: 1, first_failed_at: now, last_failed_at: now })
    .onConflict((oc) =>
      oc.column('email').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('sign_in_failures.first_failed_at', '<', windowStart)
          .then(1)
          .else(eb('sign_in_failures.failures', '+', 1))
          .end(),
        first_failed_at: eb
          .case()
          .when('sign_in_failures.first_failed_at', '<', windowStart)
          .then(now)
          .else(eb.ref('sign_in_failures.first_failed_at'))
          .end(),
        last_failed_at: now,
      })),
    )
    .execute();
}

export function clearSignInFailures(db: Db, email: string) {
  return db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
}
