import type { Db } from '../../db/database.ts';

export function listDelegates(db: Db, coalitionId: string, organizationId: string) {
  return db
    .selectFrom('coalition_roles')
    .innerJoin('users', 'users.id', 'coalition_roles.user_id')
    .select(['users.id as userId', 'users.display_name as displayName'])
    .where('coalition_roles.coalition_id', '=', coalitionId)
    .where('coalition_roles.organization_id', '=', organizationId)
    .where('coalition_roles.role', '=', 'delegate')
    .orderBy('users.display_name')
    .execute();
}

export function findMemberByEmail(db: Db, coalitionId: string, email: string) {
  return db
    .selectFrom('coalition_roles')
    .innerJoin('users', 'users.id', 'coalition_roles.user_id')
    .select([
      'users.id as userId',
      'coalition_roles.role',
      'coalition_roles.organization_id as organizationId',
    ])
    .where('coalition_roles.coalition_id', '=', coalitionId)
    .where('users.email', '=', email)
    .executeTakeFirst();
}

export function findRole(db: Db, coalitionId: string, userId: string) {
  return db
    .selectFrom('coalition_roles')
    .select(['role', 'organization_id as organizationId'])
    .where('coalition_id', '=', coalitionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function setRole(
  db: Db,
  coalitionId: string,
  userId: string,
  role: 'delegate' | 'viewer',
  organizationId: string | null,
) {
  return db
    .updateTable('coalition_roles')
    .set({ role, organization_id: organizationId })
    .where('coalition_id', '=', coalitionId)
    .where('user_id', '=', userId)
    .execute();
}
