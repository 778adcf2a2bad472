import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoalition, createTestUser } from '../../../test/helpers/factories.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { allocate } from '../../core/allocate/index.ts';
import type { App } from '../../http/types.ts';
import {
  auditTrail,
  type LeftCoalition,
  riversidePactInput,
  seedLeftCoalition,
} from './pacts.test-fixtures.ts';

const database = useTestDatabase();

describe('pacts API', () => {
  let app: App;
  let seeded: LeftCoalition;
  let staff: TestSession;
  let delegateA: TestSession;
  let delegateB: TestSession;
  let viewer: TestSession;
  let outsider: TestSession;
  let pactId: string;
  let raceKeys: string[];

  const call = (session: TestSession, method: string, url: string, payload?: unknown) =>
    injectAs(app, session, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

  /** Everything a refused write could have touched: the pact as read, and the audit trail's length. */
  const snapshot = async () => ({
    pact: (await call(viewer, 'GET', `/api/pacts/${pactId}`)).json(),
    audit: (await auditTrail(database().db, seeded.coalition.id)).length,
  });

  beforeAll(async () => {
    const { db } = database();
    seeded = await seedLeftCoalition(db);
    app = await buildTestApp(db);
    const slug = seeded.coalition.slug;
    staff = await signIn(app, await createTestUser(db, slug, 'secretariat'));
    delegateA = await signIn(app, await createTestUser(db, slug, 'delegate', seeded.members[0]?.id));
    delegateB = await signIn(app, await createTestUser(db, slug, 'delegate', seeded.members[1]?.id));
    viewer = await signIn(app, await createTestUser(db, slug, 'viewer'));
    const other = await createTestCoalition(db, 'Another Coalition');
    outsider = await signIn(app, await createTestUser(db, other.slug, 'admin'));
  });
  afterAll(() => app.close());

  it('answers 401 without a session and 400 naming the field of a malformed body', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/pacts' })).statusCode).toBe(401);
    const bad = await call(staff, 'POST', '/api/pacts', { ...riversidePactInput(seeded), members: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues.map((i: { path: string }) => i.path)).toContain('body.members');
  });

  it('lets staff create a pact and run it: a small heuristic run completes inline, still as a 202 job', async () => {
    const created = await call(staff, 'POST', '/api/pacts', riversidePactInput(seeded));
    expect(created.statusCode).toBe(201);
    pactId = created.json().id;
    raceKeys = created.json().races.map((r: { key: string }) => r.key);
    expect(created.json()).toMatchObject({ status: 'draft', raceCount: 10, latestVersion: null });
    const run = await call(staff, 'POST', `/api/pacts/${pactId}/runs`, { mode: 'heuristic', note: 'v1' });
    expect(run.statusCode).toBe(202);
    expect(run.json()).toMatchObject({ status: 'succeeded', version: { number: 1, mode: 'heuristic' } });
  });

  it("names the body field of a refusal about one member or the name, as a schema refusal does (the form's field errors)", async () => {
    const input = riversidePactInput(seeded, 'Riverside again');
    const [first, second] = input.members;
    if (!first || !second) throw new Error('the fixture has four members');
    const refusal = async (body: unknown) => {
      const response = await call(staff, 'POST', '/api/pacts', body);
      const { code, details } = response.json().error;
      return { status: response.statusCode, code, issues: details?.issues };
    };
    const twice = `Party code "${first.parties[0]}" is mapped to two members.`;
    expect(
      await refusal({ ...input, members: [first, { ...second, parties: [...first.parties, 'X'] }] }),
    ).toEqual({
      status: 400,
      code: 'pact.party_mapped_twice',
      issues: [{ path: 'body.members.1.parties', message: twice }],
    });
    expect(await refusal({ ...input, members: [first, second, first] })).toMatchObject({
      code: 'pact.member_duplicate',
      issues: [{ path: 'body.members.2.organizationId' }],
    });
    expect(await refusal(riversidePactInput(seeded))).toEqual({
      status: 409,
      code: 'pact.name_taken',
      issues: [{ path: 'body.name', message: 'A pact named "Riverside 2026" already exists.' }],
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await refusal({ ...input, source: { kind: 'races', electionId: missing } })).toMatchObject({
      code: 'map.election_not_found',
      issues: [{ path: 'body.source.electionId' }],
    });
  });

  it('runs the exact solver as a job in the worker: 202 at once, then progress, then the version', async () => {
    const started = await call(staff, 'POST', `/api/pacts/${pactId}/runs`, { mode: 'exact' });
    expect(started.statusCode).toBe(202);
    expect(started.json().status).toBe('queued');
    const url = `/api/pacts/${pactId}/runs/${started.json().id}`;
    let run = (await call(viewer, 'GET', url)).json();
    for (let polls = 0; run.status === 'queued' || run.status === 'running'; polls += 1) {
      if (polls > 300) throw new Error('the exact run did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = (await call(viewer, 'GET', url)).json();
    }
    expect(run).toMatchObject({
      status: 'succeeded',
      phase: 'done',
      percent: 100,
      version: { number: 2, mode: 'exact' },
    });
  });

  it('lets every role of the coalition read versions, compare them and export them', async () => {
    for (const session of [viewer, delegateA]) {
      const view = await call(session, 'GET', `/api/pacts/${pactId}`);
      expect(view.statusCode).toBe(200);
      expect(view.json().versions).toHaveLength(2);
    }
    const compare = await call(delegateA, 'GET', `/api/pacts/${pactId}/compare?from=1&to=2`);
    expect(compare.statusCode).toBe(200);
    expect(compare.json()).toMatchObject({
      from: { number: 1 },
      to: { number: 2 },
      coalition: { expectedWins: {} },
    });
    const exported = await call(viewer, 'GET', `/api/pacts/${pactId}/export?version=1&format=pact`);
    expect(exported.headers['content-disposition']).toContain('pact-v1.json');
    const v1 = (await call(viewer, 'GET', `/api/pacts/${pactId}/versions/1`)).json();
    const v2 = (await call(viewer, 'GET', `/api/pacts/${pactId}/versions/2`)).json();
    // The exported pact file reruns to the same allocation with `concord allocate`.
    expect(allocate(exported.json()).assignments).toEqual(v1.result.assignments);
    const csv = await call(viewer, 'GET', `/api/pacts/${pactId}/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('race,name,member,organization_id,explanation');
    expect(csv.body).toContain('Riverside ward 1');
    // Advice on a version: the pact against no pact, and the price of each rule it has.
    const advice = await call(delegateA, 'GET', `/api/pacts/${pactId}/versions/2/advice`);
    expect(advice.statusCode).toBe(200);
    const body = advice.json();
    expect(body).toMatchObject({ version: 2, pactWins: v2.result.expectedWins.pact });
    expect(body.difference).toBeCloseTo(body.pactWins - body.noPactWins, 9);
    expect(body.prices.map((p: { rule: string }) => p.rule)).toContain('entitlement');
    for (const price of body.prices) expect(price.cost).toBeGreaterThanOrEqual(0);
    expect((await call(viewer, 'GET', `/api/pacts/${pactId}/versions/9/advice`)).statusCode).toBe(404);
  });

  it('refuses every staff write to a delegate and a viewer (403), changing nothing', async () => {
    const before = await snapshot();
    const organizationId = seeded.members[0]?.id;
    const [a, b] = raceKeys;
    const writes: [string, string, unknown][] = [
      ['POST', '/api/pacts', riversidePactInput(seeded, 'by a delegate')],
      ['PATCH', `/api/pacts/${pactId}`, { name: 'hijacked' }],
      ['POST', `/api/pacts/${pactId}/runs`, { mode: 'heuristic' }],
      ['POST', `/api/pacts/${pactId}/locks`, { race: a, organizationId }],
      ['DELETE', `/api/pacts/${pactId}/locks/${a}`, undefined],
      ['POST', `/api/pacts/${pactId}/vetoes`, { race: a, organizationId }],
      ['POST', `/api/pacts/${pactId}/swaps`, { races: [a, b] }],
      ['POST', `/api/pacts/${pactId}/ratification`, {}],
    ];
    for (const session of [delegateA, viewer]) {
      for (const [method, url, payload] of writes) {
        const response = await call(session, method, url, payload);
        expect(response.statusCode, `${method} ${url}`).toBe(403);
        expect(response.json().error.code).toBe('auth.forbidden');
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets a delegate record consent for its own organization only', async () => {
    const url = `/api/pacts/${pactId}/races/${raceKeys[0]}/consent`;
    const before = await snapshot();
    const forB = await call(delegateA, 'PUT', url, {
      stance: 'consent',
      organizationId: seeded.members[1]?.id,
    });
    expect(forB.statusCode).toBe(403);
    expect(forB.json().error.code).toBe('pact.not_your_organization');
    expect((await call(viewer, 'PUT', url, { stance: 'consent' })).statusCode).toBe(403);
    expect((await call(staff, 'PUT', url, { stance: 'consent' })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
    const own = await call(delegateB, 'PUT', url, { stance: 'object', note: 'local candidate ready' });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({
      race: raceKeys[0],
      stance: 'object',
      organization: { name: 'Social Party' },
    });
    const view = (await call(viewer, 'GET', `/api/pacts/${pactId}`)).json();
    expect(view.consent).toMatchObject({ objections: 1, racesWithObjection: [raceKeys[0]] });
  });

  it('hides the pact from another coalition: 404 on every read and write, and no leak in the list', async () => {
    const before = await snapshot();
    expect((await call(outsider, 'GET', '/api/pacts')).json().pacts).toEqual([]);
    const attempts: [string, string, unknown][] = [
      ['GET', `/api/pacts/${pactId}`, undefined],
      ['GET', `/api/pacts/${pactId}/versions/1`, undefined],
      ['GET', `/api/pacts/${pactId}/compare?from=1&to=2`, undefined],
      ['GET', `/api/pacts/${pactId}/versions/1/advice`, undefined],
      ['GET', `/api/pacts/${pactId}/export`, undefined],
      ['PATCH', `/api/pacts/${pactId}`, { name: 'taken over' }],
      ['POST', `/api/pacts/${pactId}/runs`, { mode: 'heuristic' }],
      ['POST', `/api/pacts/${pactId}/locks`, { race: raceKeys[0], organizationId: seeded.members[0]?.id }],
      ['POST', `/api/pacts/${pactId}/ratification`, {}],
    ];
    for (const [method, url, payload] of attempts) {
      const response = await call(outsider, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.json().error.code).toBe('pact.not_found');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a write without the CSRF token', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/pacts/${pactId}/runs`,
      headers: { cookie: staff.cookie },
      payload: { mode: 'heuristic' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('auth.csrf_invalid');
  });

  it('freezes the pact once its ratification passes: edits answer 409 and change nothing', async () => {
    const sent = await call(staff, 'POST', `/api/pacts/${pactId}/ratification`, { version: 2 });
    expect(sent.statusCode).toBe(201);
    const decisionId = sent.json().decisionId;
    const pending = await call(staff, 'POST', `/api/pacts/${pactId}/locks`, {
      race: raceKeys[1],
      organizationId: seeded.members[0]?.id,
    });
    expect(pending.statusCode).toBe(409);
    expect(pending.json().error.code).toBe('pact.ratification_pending');
    for (const [index, session] of [delegateA, delegateB].entries()) {
      const organizationId = seeded.members[index]?.id;
      const ballot = await call(session, 'PUT', `/api/decisions/${decisionId}/ballots/${organizationId}`, {
        choice: 'yes',
      });
      expect(ballot.statusCode).toBe(200);
    }
    const { db } = database();
    // The other two members vote through the service (their delegates have no password here).
    const { castBallot } = await import('../decisions/index.ts');
    for (const member of seeded.members.slice(2)) {
      await db
        .transaction()
        .execute((trx) => castBallot(trx, member.delegate, decisionId, member.id, { choice: 'yes' }));
    }
    expect((await call(staff, 'POST', `/api/decisions/${decisionId}/close`, {})).statusCode).toBe(200);
    const before = await snapshot();
    expect(before.pact).toMatchObject({ status: 'ratified', ratifiedVersion: 2 });
    const writes: [TestSession, string, string, unknown][] = [
      [staff, 'POST', `/api/pacts/${pactId}/runs`, { mode: 'heuristic' }],
      [
        staff,
        'POST',
        `/api/pacts/${pactId}/locks`,
        { race: raceKeys[1], organizationId: seeded.members[0]?.id },
      ],
      [
        staff,
        'POST',
        `/api/pacts/${pactId}/vetoes`,
        { race: raceKeys[1], organizationId: seeded.members[0]?.id },
      ],
      [staff, 'POST', `/api/pacts/${pactId}/swaps`, { races: [raceKeys[0], raceKeys[1]] }],
      [staff, 'PATCH', `/api/pacts/${pactId}`, { name: 'after the vote' }],
      [staff, 'POST', `/api/pacts/${pactId}/ratification`, {}],
      [delegateA, 'PUT', `/api/pacts/${pactId}/races/${raceKeys[0]}/consent`, { stance: 'object' }],
    ];
    for (const [session, method, url, payload] of writes) {
      const response = await call(session, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(409);
      expect(response.json().error.code).toBe('pact.ratified');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('publishes the pact routes in the OpenAPI document', async () => {
    const paths = Object.keys((await app.inject('/docs/json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/pacts',
        '/api/pacts/{id}/runs',
        '/api/pacts/{id}/runs/{runId}',
        '/api/pacts/{id}/compare',
        '/api/pacts/{id}/versions/{number}/advice',
      ]),
    );
  });
});
