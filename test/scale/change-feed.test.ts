import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { createOrganization } from '../../src/features/registry/index.ts';
import type { App } from '../../src/http/types.ts';
import { acceptedEncoding } from '../../src/http/versioned-cache.ts';
import { createTestUser } from '../helpers/factories.ts';
import { inTx, seedCoalition } from '../helpers/governance.ts';
import { signIn, testConfig } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

/**
 * A server's caches follow the database's change notifications (migration 2026_12_04_1801,
 * src/http/change-feed.ts): a hit reads nothing, a notified change is seen on the next request.
 * Runs on in-memory PGlite, or on the PostgreSQL of DATABASE_URL (notifications then arrive a
 * moment after the commit, hence the waits).
 */
const database = useTestDatabase();
let app: App;
let seed: Awaited<ReturnType<typeof seedCoalition>>;

beforeAll(async () => {
  const handle = database();
  seed = await seedCoalition(
    handle.db,
    ['Red Party', 'Green Wave', 'Blue Union', 'Orange Bloc', 'Violet Front', 'Teal League'].map((name) => ({
      name,
    })),
  );
  app = await buildApp({ db: handle.db, config: testConfig, strictContracts: true, listen: handle.listen });
});
afterAll(async () => {
  await app?.close();
});

const waitFor = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 5_000, interval: 50 });

describe('public answers and the change feed', () => {
  it('serves a hit without reading the database, and rebuilds once a change is notified', async () => {
    const { db } = database();
    const url = `/api/public/coalitions/${seed.coalition.slug}`;
    expect(app.changes.live).toBe(true);
    const first = await app.inject({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    const name = first.json().coalition.name;
    // A change that appends no audit event notifies nobody: the cached page does not see it.
    await db
      .updateTable('coalitions')
      .set({ name: 'Renamed quietly' })
      .where('id', '=', seed.coalition.id)
      .execute();
    const cached = await app.inject({ method: 'GET', url });
    expect(cached.json().coalition.name).toBe(name);
    expect(cached.headers.etag).toBe(first.headers.etag);
    // A stored change (here outside any HTTP request, as another server would) appends an audit
    // event, whose notification drops the page: the next request reads both changes.
    await inTx(db, (trx) =>
      createOrganization(trx, seed.secretariat, { name: 'Purple Front', kind: 'movement' }),
    );
    await waitFor(async () => {
      const after = await app.inject({ method: 'GET', url });
      expect(after.json().coalition.name).toBe('Renamed quietly');
      expect(after.json().auditHead.seq).toBeGreaterThan(first.json().auditHead.seq);
    });
  });

  it('hears map writes, which append no audit event', async () => {
    const { db } = database();
    const before = app.changes.stamp(seed.coalition.id);
    // A statement-level trigger: it fires even when the statement touches no row.
    await sql`UPDATE jurisdictions SET name = name WHERE false`.execute(db);
    await waitFor(async () => {
      expect(app.changes.stamp(seed.coalition.id)).not.toBe(before);
    });
  });

  it('sends the stored body compressed as the client accepts, and 304 to its ETag', async () => {
    const url = `/api/public/coalitions/${seed.coalition.slug}`;
    const plain = await app.inject({ method: 'GET', url });
    expect(plain.body.length).toBeGreaterThanOrEqual(1024);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toContain('accept-encoding');
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const gzip = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    const etag = String(plain.headers.etag);
    const again = await app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': `"other", ${etag}`, 'accept-encoding': 'br' },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('picks brotli, then gzip, and never an encoding refused with q=0', () => {
    expect(acceptedEncoding(undefined)).toBeUndefined();
    expect(acceptedEncoding('gzip, deflate, br')).toBe('br');
    expect(acceptedEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(acceptedEncoding('identity, deflate')).toBeUndefined();
  });
});

describe('cached signed-in reads and the change feed', () => {
  it('shows a change made by another server on the next read of the members list', async () => {
    const { db } = database();
    const user = await createTestUser(db, seed.coalition.slug, 'secretariat');
    const session = await signIn(app, user);
    const list = async () =>
      (
        await app.inject({ method: 'GET', url: '/api/organizations', headers: { cookie: session.cookie } })
      ).json().organizations as { name: string }[];
    const before = await list();
    expect(await list()).toEqual(before);
    await inTx(db, (trx) =>
      createOrganization(trx, seed.secretariat, { name: 'Amber Circle', kind: 'movement' }),
    );
    await waitFor(async () => {
      expect((await list()).map((o) => o.name)).toContain('Amber Circle');
    });
  });
});

describe('cached sessions and the change feed', () => {
  it('sees a sign-out, a role change and another server removing the session', async () => {
    const { db } = database();
    const user = await createTestUser(db, seed.coalition.slug, 'viewer');
    const session = await signIn(app, user);
    const me = () => app.inject({ method: 'GET', url: '/api/session', headers: { cookie: session.cookie } });
    expect((await me()).json().role).toBe('viewer');
    expect((await me()).json().role).toBe('viewer');
    // A role change made elsewhere: the notification names the user.
    await db
      .updateTable('coalition_roles')
      .set({ role: 'secretariat' })
      .where('user_id', '=', user.id)
      .execute();
    await waitFor(async () => {
      expect((await me()).json().role).toBe('secretariat');
    });
    // Its own sign-out: signed out on its very next request (GET /api/session answers null).
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    });
    expect(out.statusCode).toBeLessThan(300);
    expect((await me()).json()).toBeNull();

    // A session removed by another process (its sign-out there, or the expiry sweep).
    const other = await signIn(app, user);
    const again = () => app.inject({ method: 'GET', url: '/api/session', headers: { cookie: other.cookie } });
    expect((await again()).json()?.role).toBe('secretariat');
    expect((await again()).json()?.role).toBe('secretariat');
    await db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await waitFor(async () => {
      expect((await again()).json()).toBeNull();
    });
  });
});
