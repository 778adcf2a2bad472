import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../test/helpers/factories.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { App } from '../../http/types.ts';

const database = useTestDatabase();
let app: App;
let admin: TestSession;
let amber: TestSession;
let blue: TestSession;

/** A drive of the signed-in member with one named circulator. */
async function driveWithCirculator(
  session: TestSession,
  requirementId: string,
  name: string,
  circulator: string,
) {
  const drive = await injectAs(app, session, {
    method: 'POST',
    url: '/api/petitions/drives',
    payload: {
      requirementId,
      name,
      target: { kind: 'initiative', name },
      startDay: '2026-03-01',
      dueDay: '2026-04-01',
    },
  });
  expect(drive.statusCode).toBe(201);
  const added = await injectAs(app, session, {
    method: 'POST',
    url: `/api/petitions/drives/${drive.json().id}/circulators`,
    payload: { name: circulator },
  });
  expect(added.statusCode).toBe(201);
}

async function issue(session: TestSession): Promise<string> {
  const response = await injectAs(app, session, {
    method: 'POST',
    url: '/api/petitions/calendar/feed-token',
  });
  expect(response.statusCode).toBe(201);
  const { path, token } = response.json();
  expect(path).toContain(token);
  return path;
}

const feed = (path: string) => app.inject({ method: 'GET', url: path });

beforeAll(async () => {
  const { db } = database();
  app = await buildTestApp(db);
  const coalition = await createTestCoalition(db);
  const adminUser = await createTestUser(db, coalition.slug, 'admin');
  admin = await signIn(app, adminUser);
  const orgs: string[] = [];
  for (const name of ['Amber', 'Blue']) {
    const response = await injectAs(app, admin, {
      method: 'POST',
      url: '/api/organizations',
      payload: { name, kind: 'party', founding: true },
    });
    orgs.push(response.json().id);
  }
  amber = await signIn(app, await createTestUser(db, coalition.slug, 'delegate', orgs[0] ?? null));
  blue = await signIn(app, await createTestUser(db, coalition.slug, 'delegate', orgs[1] ?? null));
  const requirement = await injectAs(app, admin, {
    method: 'POST',
    url: '/api/petitions/requirements',
    payload: {
      country: 'FR',
      jurisdiction: 'FR-75',
      jurisdictionName: 'Paris',
      kind: 'initiative',
      title: 'Paris: citizens’ petition',
      signatures: 500,
      ruleText: 'Signatures of residents',
      source: 'city rules',
      asOf: '2026',
    },
  });
  await driveWithCirculator(amber, requirement.json().id, 'Amber parks', 'Ann Amberley');
  await driveWithCirculator(blue, requirement.json().id, 'Blue trams', 'Bo Bluett');
});
afterAll(async () => app?.close());

describe('the petitions calendar feed token', () => {
  it('serves the iCal feed without a session; the token is stored hashed, shown once', async () => {
    const path = await issue(amber);
    const response = await feed(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    expect(response.body).toContain('BEGIN:VCALENDAR');
    const token = path.split('/').pop() ?? '';
    const { db } = database();
    const stored = await db.selectFrom('petition_feed_tokens').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    const status = await injectAs(app, amber, { method: 'GET', url: '/api/petitions/calendar/feed-token' });
    expect(status.json()).toMatchObject({ active: true });
    expect(JSON.stringify(status.json())).not.toContain(token);
  });

  it("a member's feed shows its own drives' circulators, never another member's; staff see both", async () => {
    const amberFeed = (await feed(await issue(amber))).body;
    const blueFeed = (await feed(await issue(blue))).body;
    const staffFeed = (await feed(await issue(admin))).body;
    // Every member sees every drive's deadlines, as on the calendar page.
    for (const body of [amberFeed, blueFeed])
      expect(body).toMatch(/Amber parks[\s\S]*Blue trams|Blue trams[\s\S]*Amber parks/);
    expect(amberFeed).toContain('Ann Amberley');
    expect(amberFeed).not.toContain('Bo Bluett');
    expect(blueFeed).toContain('Bo Bluett');
    expect(blueFeed).not.toContain('Ann Amberley');
    expect(staffFeed).toContain('Ann Amberley');
    expect(staffFeed).toContain('Bo Bluett');
  });

  it('rotating ends the old URL; revoking ends the feed; an unknown token is 404', async () => {
    const first = await issue(blue);
    const second = await issue(blue);
    expect(second).not.toBe(first);
    expect((await feed(first)).statusCode).toBe(404);
    expect((await feed(second)).statusCode).toBe(200);
    const revoked = await injectAs(app, blue, {
      method: 'DELETE',
      url: '/api/petitions/calendar/feed-token',
    });
    expect(revoked.statusCode).toBe(204);
    const gone = await feed(second);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('petitions.feed_not_found');
    expect((await feed('/api/public/petitions/calendar/not-a-token')).statusCode).toBe(404);
    const status = await injectAs(app, blue, { method: 'GET', url: '/api/petitions/calendar/feed-token' });
    expect(status.json()).toEqual({ active: false, createdAt: null });
  });
});
