import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { castBallot, closeDecision, createDecision } from '../../src/features/decisions/index.ts';
import { createOrganization, submitEvidence } from '../../src/features/registry/index.ts';
import type { App } from '../../src/http/types.ts';
import { createTestUser } from '../helpers/factories.ts';
import { inTx, seedCoalition } from '../helpers/governance.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

const database = useTestDatabase();

interface Ids {
  a1: string;
  a2: string;
  a3: string;
  applicant: string;
  evidence: string;
  delegateUser: string;
  openDecision: string;
  closedDecision: string;
  receipt: string;
  slug: string;
}

interface Route {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** Names one of coalition A's resources in the path. */
  addressesResource: boolean;
}

const routes: Route[] = [
  { name: 'coalition overview', method: 'GET', url: () => '/api/coalition', addressesResource: false },
  { name: 'settings', method: 'GET', url: () => '/api/governance/settings', addressesResource: false },
  {
    name: 'change settings',
    method: 'PATCH',
    url: () => '/api/governance/settings',
    body: () => ({ votingWindowHours: 1 }),
    addressesResource: false,
  },
  { name: 'charter', method: 'GET', url: () => '/api/charter', addressesResource: false },
  { name: 'charter versions', method: 'GET', url: () => '/api/charter/versions', addressesResource: false },
  {
    name: 'found charter',
    method: 'POST',
    url: () => '/api/charter',
    body: () => ({ planks: [{ title: 'T', text: 'X' }] }),
    addressesResource: false,
  },
  { name: 'organizations', method: 'GET', url: () => '/api/organizations', addressesResource: false },
  {
    name: 'record application',
    method: 'POST',
    url: () => '/api/organizations',
    body: () => ({ name: 'Intruder Party', kind: 'party' }),
    addressesResource: false,
  },
  { name: 'organization', method: 'GET', url: (i) => `/api/organizations/${i.a2}`, addressesResource: true },
  {
    name: 'edit organization',
    method: 'PATCH',
    url: (i) => `/api/organizations/${i.a2}`,
    body: () => ({ position: 0.9 }),
    addressesResource: true,
  },
  {
    name: 'withdraw',
    method: 'POST',
    url: (i) => `/api/organizations/${i.a2}/withdrawal`,
    body: () => ({ note: 'forged letter' }),
    addressesResource: true,
  },
  {
    name: 'admission check',
    method: 'GET',
    url: (i) => `/api/organizations/${i.applicant}/admission-check`,
    addressesResource: true,
  },
  {
    name: 'submit evidence',
    method: 'POST',
    url: (i) => `/api/organizations/${i.a2}/evidence`,
    body: () => ({ metric: 'members', value: 1_000_000, asOf: '2026-11-01', source: 'made up' }),
    addressesResource: true,
  },
  {
    name: 'verify evidence',
    method: 'POST',
    url: (i) => `/api/organizations/${i.a2}/evidence/${i.evidence}/verification`,
    addressesResource: true,
  },
  {
    name: 'assign delegate',
    method: 'POST',
    url: (i) => `/api/organizations/${i.a2}/delegates`,
    body: () => ({ email: 'someone@test.example' }),
    addressesResource: true,
  },
  {
    name: 'remove delegate',
    method: 'DELETE',
    url: (i) => `/api/organizations/${i.a2}/delegates/${i.delegateUser}`,
    addressesResource: true,
  },
  {
    name: 'ratify charter',
    method: 'POST',
    url: (i) => `/api/organizations/${i.a2}/ratification`,
    addressesResource: true,
  },
  { name: 'decisions', method: 'GET', url: () => '/api/decisions', addressesResource: false },
  {
    name: 'create decision',
    method: 'POST',
    url: () => '/api/decisions',
    body: () => ({ kind: 'motion', title: 'Intrusion' }),
    addressesResource: false,
  },
  {
    name: 'decision',
    method: 'GET',
    url: (i) => `/api/decisions/${i.openDecision}`,
    addressesResource: true,
  },
  {
    name: 'cast ballot',
    method: 'PUT',
    url: (i) => `/api/decisions/${i.openDecision}/ballots/${i.a2}`,
    body: () => ({ choice: 'no' }),
    addressesResource: true,
  },
  {
    name: 'published ballots',
    method: 'GET',
    url: (i) => `/api/decisions/${i.closedDecision}/ballots`,
    addressesResource: true,
  },
  {
    name: 'receipt lookup',
    method: 'GET',
    url: (i) => `/api/decisions/${i.closedDecision}/receipts/${i.receipt}`,
    addressesResource: true,
  },
  {
    name: 'close decision',
    method: 'POST',
    url: (i) => `/api/decisions/${i.openDecision}/close`,
    addressesResource: true,
  },
  { name: 'audit events', method: 'GET', url: () => '/api/audit/events', addressesResource: false },
  { name: 'audit verify', method: 'GET', url: () => '/api/audit/verify', addressesResource: false },
];
const writes = routes.filter((r) => r.method !== 'GET');

/** Everything a governance write could change, for both coalitions: must be identical after a refusal. */
async function snapshot(db: Db, coalitionIds: string[]): Promise<string> {
  const tables = [
    sql`select id, name, status, position, platform, updated_at from organizations where coalition_id in (${sql.join(coalitionIds)}) order by id`,
    sql`select id, verified_at from strength_evidence where coalition_id in (${sql.join(coalitionIds)}) order by id`,
    sql`select id, status, result, closed_at from decisions where coalition_id in (${sql.join(coalitionIds)}) order by id`,
    sql`select decision_id, organization_id, content, revision from ballots where coalition_id in (${sql.join(coalitionIds)}) order by id`,
    sql`select id from charter_versions where coalition_id in (${sql.join(coalitionIds)}) order by id`,
    sql`select charter_version_id, organization_id from charter_ratifications where coalition_id in (${sql.join(coalitionIds)}) order by 1, 2`,
    sql`select user_id, role, organization_id from coalition_roles where coalition_id in (${sql.join(coalitionIds)}) order by user_id`,
    sql`select coalition_id, settings from governance_settings where coalition_id in (${sql.join(coalitionIds)}) order by 1`,
    sql`select coalition_id, seq, hash from audit_heads where coalition_id in (${sql.join(coalitionIds)}) order by 1`,
  ];
  const results = [];
  for (const query of tables) results.push((await query.execute(db)).rows);
  return JSON.stringify(results);
}

describe('authorization on every governance route', () => {
  let app: App;
  let ids: Ids;
  let coalitionIds: string[];
  const sessions: Record<'adminA' | 'viewerA' | 'delegateA1' | 'delegateA3' | 'adminB', TestSession> =
    {} as never;

  beforeAll(async () => {
    const { db } = database();
    const a = await seedCoalition(db, [
      { name: 'A One' },
      { name: 'A Two' },
      { name: 'A Three' },
      { name: 'A Four' },
    ]);
    const b = await seedCoalition(db, [{ name: 'B One' }]);
    coalitionIds = [a.coalition.id, b.coalition.id];
    const [a1, a2, a3] = a.members;
    if (!a1 || !a2 || !a3) throw new Error('seed');
    const applicant = await inTx(db, (trx) =>
      createOrganization(trx, a.secretariat, { name: 'A Applicant', kind: 'movement' }),
    );
    const evidence = await inTx(db, (trx) =>
      submitEvidence(trx, a2.delegate, a2.id, {
        metric: 'votes',
        value: 5000,
        asOf: '2026-06-01',
        source: 'official results',
      }),
    );
    const closed = await inTx(db, (trx) =>
      createDecision(trx, a.secretariat, { kind: 'motion', title: 'Done', secret: true }),
    );
    const cast = await inTx(db, (trx) => castBallot(trx, a2.delegate, closed.id, a2.id, { choice: 'yes' }));
    await inTx(db, (trx) => closeDecision(trx, a.secretariat, closed.id));
    const open = await inTx(db, (trx) =>
      createDecision(trx, a.secretariat, { kind: 'motion', title: 'Open' }),
    );
    ids = {
      a1: a1.id,
      a2: a2.id,
      a3: a3.id,
      applicant: applicant.id,
      evidence: evidence.id,
      delegateUser: a2.delegate.userId,
      openDecision: open.id,
      closedDecision: closed.id,
      receipt: cast.receipt,
      slug: a.coalition.slug,
    };
    app = await buildTestApp(db);
    const bSlug = b.coalition.slug;
    const login = async (
      slug: string,
      role: Parameters<typeof createTestUser>[2],
      org: string | null = null,
    ) => signIn(app, await createTestUser(db, slug, role, org));
    sessions.adminA = await login(a.coalition.slug, 'admin');
    sessions.viewerA = await login(a.coalition.slug, 'viewer');
    sessions.delegateA1 = await login(a.coalition.slug, 'delegate', a1.id);
    sessions.delegateA3 = await login(a.coalition.slug, 'delegate', a3.id);
    sessions.adminB = await login(bSlug, 'admin');
  });
  afterAll(() => app.close());

  async function refused(session: TestSession | null, route: Route, status: number, code?: RegExp) {
    const { db } = database();
    const before = await snapshot(db, coalitionIds);
    const request = {
      method: route.method,
      url: route.url(ids),
      ...(route.body ? { payload: route.body(ids) as object } : {}),
    };
    const response = session ? await injectAs(app, session, request) : await app.inject(request);
    expect(response.statusCode, `${route.name}: ${response.body}`).toBe(status);
    if (code) expect(response.json().error.code, route.name).toMatch(code);
    expect(await snapshot(db, coalitionIds), `${route.name} changed the state`).toBe(before);
  }

  it('answers 401 to every route without a session', async () => {
    for (const route of routes) await refused(null, route, 401, /^auth\.required$/);
  });

  it('lets a viewer write nowhere', async () => {
    for (const route of writes) await refused(sessions.viewerA, route, 403);
  });

  it("hides every one of coalition A's resources from coalition B's admin (404), and lists none of them", async () => {
    for (const route of routes.filter((r) => r.addressesResource))
      await refused(sessions.adminB, route, 404, /not_found$/);
    const lists = ['/api/organizations', '/api/decisions', '/api/audit/events?limit=1000', '/api/charter'];
    for (const url of lists) {
      const body = (await injectAs(app, sessions.adminB, { method: 'GET', url })).body;
      for (const id of [ids.a1, ids.a2, ids.applicant, ids.openDecision, ids.closedDecision]) {
        expect(body, url).not.toContain(id);
      }
    }
  });

  it('keeps a delegate of A1 from acting for A2', async () => {
    const actFor = ['edit organization', 'withdraw', 'submit evidence', 'ratify charter', 'cast ballot'];
    for (const route of routes.filter((r) => actFor.includes(r.name))) {
      await refused(sessions.delegateA1, route, 403, /not_your_(delegation|organization)$/);
    }
  });

  it('keeps a delegate from doing the staff work', async () => {
    const staffOnly = writes.filter(
      (r) =>
        !['edit organization', 'withdraw', 'submit evidence', 'ratify charter', 'cast ballot'].includes(
          r.name,
        ),
    );
    for (const route of staffOnly) await refused(sessions.delegateA1, route, 403, /^auth\.forbidden$/);
  });

  it('stops a delegate from acting once its organization is suspended', async () => {
    const { db } = database();
    const staff = {
      userId: '',
      coalitionId: coalitionIds[0] ?? '',
      organizationId: null,
      role: 'secretariat' as const,
    };
    const admin = await db
      .selectFrom('coalition_roles')
      .select('user_id')
      .where('coalition_id', '=', staff.coalitionId)
      .where('role', '=', 'secretariat')
      .executeTakeFirstOrThrow();
    staff.userId = admin.user_id;
    const suspension = await inTx(db, (trx) =>
      createDecision(trx, staff, {
        kind: 'suspension',
        title: 'Suspend A Three',
        subjectOrganizationId: ids.a3,
        grounds: 'Broke the pact.',
      }),
    );
    const voters = await db
      .selectFrom('coalition_roles')
      .select(['user_id', 'organization_id'])
      .where('coalition_id', '=', staff.coalitionId)
      .where('role', '=', 'delegate')
      .where('organization_id', 'in', [ids.a1, ids.a2])
      .execute();
    for (const v of voters) {
      if (!v.organization_id) continue;
      const organizationId = v.organization_id;
      const delegate = {
        userId: v.user_id,
        coalitionId: staff.coalitionId,
        organizationId,
        role: 'delegate' as const,
      };
      await inTx(db, (trx) => castBallot(trx, delegate, suspension.id, organizationId, { choice: 'yes' }));
    }
    await inTx(db, (trx) => closeDecision(trx, staff, suspension.id));
    const status = await db
      .selectFrom('organizations')
      .select('status')
      .where('id', '=', ids.a3)
      .executeTakeFirstOrThrow();
    expect(status.status).toBe('suspended');

    const own = { ...ids, a2: ids.a3 };
    const asOwn = (name: string) => {
      const route = routes.find((r) => r.name === name);
      if (!route) throw new Error(name);
      return { ...route, url: () => route.url(own), body: route.body ? () => route.body?.(own) : undefined };
    };
    for (const name of ['edit organization', 'submit evidence', 'ratify charter', 'cast ballot']) {
      await refused(sessions.delegateA3, asOwn(name) as Route, 403, /^organization\.suspended$/);
    }
  });

  it('serves the public page without a session, and only members in it', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/public/coalitions/${ids.slug}` });
    expect(response.statusCode).toBe(200);
    const names = response.json().members.map((m: { name: string }) => m.name);
    expect(names).toContain('A One');
    expect(names).not.toContain('A Applicant');
    expect((await app.inject({ method: 'GET', url: '/api/public/coalitions/nope' })).statusCode).toBe(404);
  });
});
