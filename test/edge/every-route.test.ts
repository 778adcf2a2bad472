import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/http/edge.ts';
import type { App } from '../../src/http/types.ts';
import { createTestUser } from '../helpers/factories.ts';
import { seedCoalition } from '../helpers/governance.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

/**
 * The probe's edge attacks on every route the app registers (`app.routeTable`, filled by an
 * onRoute hook), so a route added by a later feature is attacked without editing this file.
 */
const database = useTestDatabase();

const isWrite = (route: RouteEntry) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
/** A path with each `:param` filled in (a fresh UUID unless given). */
const pathOf = (route: RouteEntry, fill: (name: string) => string = () => randomUUID()) =>
  route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(fill(name)));

function deepJson(levels: number): string {
  return `{"a":${'['.repeat(levels)}1${']'.repeat(levels)}}`;
}

describe('every route, at the edge', () => {
  let app: App;
  let admin: TestSession;
  let writes: RouteEntry[];

  beforeAll(async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Edge One' }, { name: 'Edge Two' }]);
    app = await buildTestApp(db);
    admin = await signIn(app, await createTestUser(db, seed.coalition.slug, 'admin'));
    writes = app.routeTable.filter((route) => isWrite(route) && !route.anonymous);
  });
  afterAll(() => app.close());

  it('finds the routes, and only sign-in takes an anonymous write', () => {
    expect(writes.length).toBeGreaterThan(25);
    expect(
      app.routeTable.filter((r) => isWrite(r) && r.anonymous).map((r) => `${r.method} ${r.url}`),
    ).toEqual(['POST /api/session']);
  });

  it('answers 401 to an anonymous write on every route, without looking at the body', async () => {
    for (const route of writes) {
      const response = await app.inject({
        method: route.method as 'POST',
        url: pathOf(route),
        headers: { 'content-type': 'application/json' },
        payload: deepJson(5_000),
      });
      expect({ route: `${route.method} ${route.url}`, status: response.statusCode }).toEqual({
        route: `${route.method} ${route.url}`,
        status: 401,
      });
      expect(response.json().error.code).toBe('auth.required');
    }
  });

  it('refuses a signed-in write without the CSRF token, or with another one, on every route (403)', async () => {
    for (const route of writes) {
      for (const headers of [{ cookie: admin.cookie }, { cookie: admin.cookie, 'x-csrf-token': 'forged' }]) {
        const response = await app.inject({
          method: route.method as 'POST',
          url: pathOf(route),
          headers: { ...headers, 'content-type': 'application/json' },
          payload: '{}',
        });
        expect(`${route.method} ${route.url} ${response.statusCode}`).toBe(
          `${route.method} ${route.url} 403`,
        );
        expect(response.json().error.code).toBe('auth.csrf_invalid');
      }
    }
  });

  it('refuses 5,000-level JSON, NUL bytes and lone surrogates with 400 request.invalid on every JSON route', async () => {
    const bodies = [
      deepJson(5_000),
      JSON.stringify({ name: 'Harbor\u0000Greens', title: 'x', kind: 'party' }),
      `{"name":"Harbor \\ud800 Greens","title":"\\udfff","kind":"party"}`,
      `{"planks":[{"title":"T","text":"nul \\u0000 here"}]}`,
      `{"note\\u0000":"key with a NUL"}`,
    ];
    for (const route of writes.filter((r) => r.hasBodySchema)) {
      for (const payload of bodies) {
        const response = await injectAs(app, admin, {
          method: route.method,
          url: pathOf(route),
          headers: { 'content-type': 'application/json' },
          payload,
        });
        expect(`${route.method} ${route.url} ${response.statusCode}`).toBe(
          `${route.method} ${route.url} 400`,
        );
        expect(response.json().error).toMatchObject({ code: 'request.invalid', details: { issues: [{}] } });
      }
    }
  });

  it('refuses bad text in a path or query parameter with 400 on every route that takes one', async () => {
    const withParams = app.routeTable.filter((r) => r.url.includes(':') && !r.url.startsWith('/docs'));
    expect(withParams.length).toBeGreaterThan(10);
    for (const route of withParams) {
      // A NUL, and a lone surrogate as the only way a URL can carry one: as bytes that are not UTF-8.
      for (const bad of ['a%00b', '%ED%A0%80']) {
        const response = await injectAs(app, admin, {
          method: route.method,
          url: route.url.replace(/:\w+/g, bad),
        });
        expect(`${route.method} ${route.url} ${response.statusCode}`).toMatch(/ 400$/);
        expect(response.json().error.code).toMatch(/^request\./);
      }
      const query = await injectAs(app, admin, { method: route.method, url: `${pathOf(route)}?q=%00` });
      expect(`${route.method} ${route.url} ${query.statusCode}`).toMatch(/ 400$/);
    }
  });

  it('caps every body at 1 MB except the upload routes, which name the roles allowed to send more', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
    for (const route of writes.filter((r) => r.hasBodySchema && !r.upload)) {
      const response = await injectAs(app, admin, {
        method: route.method,
        url: pathOf(route),
        headers: { 'content-type': 'application/json' },
        payload: big,
      });
      expect(`${route.method} ${route.url} ${response.statusCode}`).toBe(`${route.method} ${route.url} 413`);
    }
    expect(
      app.routeTable
        .filter((r) => r.upload)
        .map((r) => r.url)
        .sort(),
    ).toEqual([
      '/api/map/imports/districts',
      '/api/map/imports/races',
      '/api/people/import-jobs',
      '/api/tabulate',
    ]);
  });
});
