import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../test/helpers/factories.ts';
import { buildTestApp, injectAs, signIn } from '../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../test/helpers/test-database.ts';
import type { App } from './types.ts';

const database = useTestDatabase();

describe('HTTP contract of the foundation', () => {
  let app: App;
  let user: { email: string; password: string };

  beforeAll(async () => {
    const { db } = database();
    const coalition = await createTestCoalition(db);
    user = await createTestUser(db, coalition.slug, 'secretariat');
    app = await buildTestApp(db);
    app.get('/api/test/boom', async () => {
      throw new Error('secret internals: password=hunter2');
    });
  });
  afterAll(() => app.close());

  it('answers /healthz and /readyz', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'ok' });
  });

  it('refuses wrong credentials with 401 in the documented shape', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: user.email, password: 'not the password' },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'auth.invalid_credentials', message: 'Wrong e-mail or password.' },
    });
    const unknownUser = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'nobody@test.example', password: 'whatever it is' },
    });
    expect(unknownUser.statusCode).toBe(401);
    expect(unknownUser.json().error.code).toBe('auth.invalid_credentials');
  });

  it('names the failing fields of a malformed body with 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { email: 'not-an-email', password: 42 },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('request.invalid');
    expect(error.details.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.email',
      'body.password',
    ]);
  });

  it('answers malformed JSON and unknown routes in the same shape', async () => {
    const badJson = await app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toMatch(/^request\./);
    const missing = await app.inject('/api/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('route.not_found');
  });

  it('signs in, reads the session, and refuses a write without the CSRF token', async () => {
    const session = await signIn(app, user);
    const me = await injectAs(app, session, { method: 'GET', url: '/api/session' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: user.email }, role: 'secretariat' });

    const noToken = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('auth.csrf_invalid');
    const wrongToken = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(session.csrfToken.length) },
    });
    expect(wrongToken.statusCode).toBe(403);
    // The refused writes changed nothing: the session is still alive.
    expect((await injectAs(app, session, { method: 'GET', url: '/api/session' })).statusCode).toBe(200);

    const logout = await injectAs(app, session, { method: 'DELETE', url: '/api/session' });
    expect(logout.statusCode).toBe(204);
    const after = await injectAs(app, session, { method: 'GET', url: '/api/session' });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toBeNull();
    // A write that needs a session answers 401 without one.
    const anonymous = await app.inject({ method: 'DELETE', url: '/api/session' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('auth.required');
  });

  it('sets a secure, http-only, SameSite session cookie', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/session', payload: user });
    const cookie = response.cookies.find((c) => c.name === 'concord_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
  });

  it('hides internals of unexpected errors behind a generic 500 with the request id', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/test/boom',
      headers: { 'x-request-id': 'req-123' },
    });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('at ');
    expect(response.json().error).toMatchObject({ code: 'internal', details: { requestId: 'req-123' } });
    expect(response.headers['x-request-id']).toBe('req-123');
  });

  it('publishes the OpenAPI document', async () => {
    const response = await app.inject('/docs/json');
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(expect.arrayContaining(['/api/session', '/healthz']));
  });
});

describe('login rate limit', () => {
  it('answers 429 once an IP exceeds the attempts allowed per minute', async () => {
    const app = await buildTestApp(database().db, { LOGIN_RATE_LIMIT: 3 });
    try {
      const attempt = () =>
        app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: 'x@test.example', password: 'wrong one' },
        });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await attempt();
      expect(limited.json().error.code).toBe('auth.rate_limited');
    } finally {
      await app.close();
    }
  });
});

describe('response compression', () => {
  it('compresses large responses for clients that accept it, and leaves others alone', async () => {
    const app = await buildTestApp(database().db);
    try {
      const gzipped = await app.inject({
        method: 'GET',
        url: '/docs/json',
        headers: { 'accept-encoding': 'gzip' },
      });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      const plain = await app.inject({ method: 'GET', url: '/docs/json' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.json().openapi).toMatch(/^3\./);
    } finally {
      await app.close();
    }
  });
});
