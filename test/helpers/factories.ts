import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/core/actor.ts';
import type { Db } from '../../src/db/database.ts';
import { createUser } from '../../src/features/accounts/index.ts';

/** Every test makes its own coalition (tenant), so tests never see each other's rows. */
export async function createTestCoalition(db: Db, name = 'Test Coalition') {
  const slug = `t-${randomUUID().slice(0, 8)}`;
  return db.insertInto('coalitions').values({ slug, name }).returningAll().executeTakeFirstOrThrow();
}

export const testPassword = 'correct horse battery staple';

export async function createTestUser(
  db: Db,
  coalitionSlug: string,
  role: Role,
  organizationId: string | null = null,
) {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.example`;
  const { id } = await createUser(db, {
    email,
    displayName: `Test ${role}`,
    password: testPassword,
    coalitionSlug,
    role,
    organizationId,
  });
  return { id, email, password: testPassword, role };
}
