import { describe, expect, it } from 'vitest';
import { createTestCoalition } from '../../../test/helpers/factories.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { DomainError } from '../../core/errors.ts';
import { createUser, login, resolveSession } from './accounts.service.ts';

const database = useTestDatabase();
const clock = () => ({ now: new Date(), ttlHours: 1 });

describe('accounts service', () => {
  it('stores an argon2id hash, never the password, and signs the user in', async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db);
    const { id, created } = await createUser(db, {
      email: 'Ana@Example.org',
      displayName: 'Ana',
      password: 'a long enough passphrase',
      coalitionSlug: coalition.slug,
      role: 'secretariat',
    });
    expect(created).toBe(true);
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.email).toBe('ana@example.org');
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('passphrase');

    const { token, session } = await login(
      db,
      { email: 'ana@example.org', password: 'a long enough passphrase' },
      clock(),
    );
    expect(session.role).toBe('secretariat');
    const resolved = await resolveSession(db, token, new Date());
    expect(resolved?.actor).toEqual({
      userId: id,
      coalitionId: coalition.id,
      organizationId: null,
      role: 'secretariat',
    });
    // Only a hash of the token is stored.
    const stored = await db.selectFrom('sessions').select('token_hash').where('user_id', '=', id).execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it('expires sessions after their time to live', async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db);
    await createUser(db, {
      email: 'bo@example.org',
      displayName: 'Bo',
      password: 'a long enough passphrase',
      coalitionSlug: coalition.slug,
      role: 'viewer',
    });
    const { token } = await login(
      db,
      { email: 'bo@example.org', password: 'a long enough passphrase' },
      clock(),
    );
    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await resolveSession(db, token, later)).toBeUndefined();
  });

  it('changes the role of an existing user instead of duplicating them', async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db);
    const input = {
      email: 'cy@example.org',
      displayName: 'Cy',
      password: 'a long enough passphrase',
      coalitionSlug: coalition.slug,
    };
    const first = await createUser(db, { ...input, role: 'viewer' });
    const second = await createUser(db, { ...input, role: 'admin' });
    expect(second).toEqual({ id: first.id, created: false });
    const roles = await db
      .selectFrom('coalition_roles')
      .select('role')
      .where('user_id', '=', first.id)
      .execute();
    expect(roles).toEqual([{ role: 'admin' }]);
  });

  it('rejects a short password, a bad role and an unknown coalition with coded errors, writing nothing', async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db);
    const base = {
      email: 'di@example.org',
      displayName: 'Di',
      coalitionSlug: coalition.slug,
      role: 'viewer' as const,
    };
    const short = await createUser(db, { ...base, password: 'short' }).catch((e: unknown) => e);
    expect(short).toBeInstanceOf(DomainError);
    expect((short as DomainError).code).toBe('user.invalid');
    expect((short as DomainError).message).toMatch(/^password:/);
    const unknown = await createUser(db, {
      ...base,
      password: 'long enough pass',
      coalitionSlug: 'nope',
    }).catch((e: unknown) => e);
    expect((unknown as DomainError).code).toBe('coalition.not_found');
    const users = await db.selectFrom('users').select('id').where('email', '=', 'di@example.org').execute();
    expect(users).toEqual([]);
  });
});
