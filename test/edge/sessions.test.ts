import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredSessions, login } from '../../src/features/accounts/accounts.service.ts';
import { hashSessionToken } from '../../src/features/accounts/session-token.ts';
import type { App } from '../../src/http/types.ts';
import { createTestCoalition, createTestUser } from '../helpers/factories.ts';
import { codeOf } from '../helpers/governance.ts';
import { buildTestApp, signIn } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

const database = useTestDatabase();

describe('sessions: fixation, sign-out, expiry, per-account throttle', () => {
  let app: App;
  let slug: string;
  let coalitionId: string;
  beforeAll(async () => {
    const coalition = await createTestCoalition(database().db);
    slug = coalition.slug;
    coalitionId = coalition.id;
    app = await buildTestApp(database().db);
  });
  afterAll(() => app.close());

  const sessionOf = async (cookie: string) =>
    (await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json();

  it('never adopts a session id planted before sign-in (fixation), and issues a fresh one each time', async () => {
    const user = await createTestUser(database().db, slug, 'secretariat');
    const planted = 'concord_session=attacker-chosen-value';
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { cookie: planted },
      payload: { email: user.email, password: user.password },
    });
    expect(response.statusCode).toBe(200);
    const issued = response.cookies.find((c) => c.name === 'concord_session')?.value;
    expect(issued).toBeDefined();
    expect(issued).not.toBe('attacker-chosen-value');
    expect(await sessionOf(planted)).toBeNull();
    expect((await sessionOf(`concord_session=${issued}`)).user.email).toBe(user.email);

    const again = await signIn(app, user);
    expect(again.cookie).not.toBe(`concord_session=${issued}`);
    expect(response.cookies.find((c) => c.name === 'concord_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
    });
  });

  it('kills the session on the server at sign-out: the old cookie reads nothing and writes nothing', async () => {
    const user = await createTestUser(database().db, slug, 'admin');
    const session = await signIn(app, user);
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect(await sessionOf(session.cookie)).toBeNull();
    const write = await app.inject({
      method: 'POST',
      url: '/api/decisions',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      payload: { kind: 'motion', title: 'After sign-out' },
    });
    expect(write.statusCode).toBe(401);
  });

  it('deletes expired sessions at sign-in and in the sweep', async () => {
    const { db } = database();
    const user = await createTestUser(database().db, slug, 'viewer');
    const insertExpired = (name: string) =>
      db
        .insertInto('sessions')
        .values({
          token_hash: hashSessionToken(name),
          user_id: user.id,
          coalition_id: coalitionId,
          csrf_token: 'x',
          expires_at: new Date(Date.now() - 60_000),
        })
        .execute();
    const count = async (name: string) =>
      (
        await db
          .selectFrom('sessions')
          .select('token_hash')
          .where('token_hash', '=', hashSessionToken(name))
          .execute()
      ).length;

    await insertExpired('expired-one');
    expect(await count('expired-one')).toBe(1);
    await signIn(app, user);
    expect(await count('expired-one')).toBe(0);

    await insertExpired('expired-two');
    expect(await deleteExpiredSessions(db, new Date())).toBeGreaterThanOrEqual(1);
    expect(await count('expired-two')).toBe(0);
  });

  it('throttles an account after 5 failures from any addresses, even with the right password, then lets it in', async () => {
    const user = await createTestUser(database().db, slug, 'delegate');
    const other = await createTestUser(database().db, slug, 'delegate');
    for (let i = 0; i < 5; i++) {
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/session',
        remoteAddress: `10.0.0.${i + 1}`,
        payload: { email: user.email, password: 'wrong password here' },
      });
      expect(wrong.statusCode).toBe(401);
    }
    const right = await app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: '10.0.0.99',
      payload: { email: user.email, password: user.password },
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('auth.account_throttled');
    // The same for an address that does not exist: the answer does not tell accounts apart.
    for (let i = 0; i < 6; i++) {
      await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { email: 'nobody-here@test.example', password: 'wrong password here' },
      });
    }
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nobody-here@test.example', password: 'wrong password here' },
    });
    expect(unknown.json().error.code).toBe('auth.account_throttled');
    // Other accounts are untouched.
    await signIn(app, other);
    // After the window, the right password works again (the service with a clock 16 minutes on).
    const later = { now: new Date(Date.now() + 16 * 60_000), ttlHours: 1 };
    const { db } = database();
    expect(
      await codeOf(
        db.transaction().execute((trx) => login(trx, { email: user.email, password: user.password }, later)),
      ),
    ).toBe('resolved');
  });
});
