import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/http/types.ts';
import { createTestUser } from '../helpers/factories.ts';
import { seedCoalition } from '../helpers/governance.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

const database = useTestDatabase();

describe('governance over HTTP', () => {
  let app: App;
  let staff: TestSession;
  const delegates: { session: TestSession; organizationId: string }[] = [];

  beforeAll(async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [
      { name: 'North Party' },
      { name: 'South Party' },
      { name: 'East Movement' },
    ]);
    app = await buildTestApp(db);
    staff = await signIn(app, await createTestUser(db, seed.coalition.slug, 'secretariat'));
    for (const member of seed.members.slice(0, 2)) {
      const user = await createTestUser(db, seed.coalition.slug, 'delegate', member.id);
      delegates.push({ session: await signIn(app, user), organizationId: member.id });
    }
  });
  afterAll(() => app.close());

  it('runs a decision from creation to published tally and receipt lookup', async () => {
    const payload = { kind: 'motion', title: 'Joint list for the city council', secret: true };
    // Three voters cannot keep a ballot secret (k = 5): the secretariat must acknowledge it first.
    const warned = await injectAs(app, staff, { method: 'POST', url: '/api/decisions', payload });
    expect(warned.statusCode).toBe(422);
    expect(warned.json().error).toMatchObject({
      code: 'decision.weak_secrecy',
      details: { k: 5, warnings: [{ code: 'too_few_voters' }] },
    });
    const created = await injectAs(app, staff, {
      method: 'POST',
      url: '/api/decisions',
      payload: { ...payload, acknowledgeWeakSecrecy: true },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().rules.secrecyWarnings).toEqual([
      expect.objectContaining({ code: 'too_few_voters' }),
    ]);
    const decision = created.json();
    expect(decision).toMatchObject({ phase: 'open', secret: true, participation: { eligible: 3, voted: 0 } });

    const [first, second] = delegates;
    if (!first || !second) throw new Error('delegates');
    const badSplit = await injectAs(app, first.session, {
      method: 'PUT',
      url: `/api/decisions/${decision.id}/ballots/${first.organizationId}`,
      payload: { split: { yes: 700, no: 200 } },
    });
    expect(badSplit.statusCode).toBe(400);
    expect(badSplit.json().error.code).toBe('request.invalid');

    const cast = await injectAs(app, first.session, {
      method: 'PUT',
      url: `/api/decisions/${decision.id}/ballots/${first.organizationId}`,
      payload: { split: { yes: 700, no: 300 } },
    });
    expect(cast.statusCode).toBe(200);
    const receipt = cast.json().receipt;
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await injectAs(app, second.session, {
      method: 'PUT',
      url: `/api/decisions/${decision.id}/ballots/${second.organizationId}`,
      payload: { choice: 'yes' },
    });

    const before = await injectAs(app, staff, {
      method: 'GET',
      url: `/api/decisions/${decision.id}/ballots`,
    });
    expect(before.statusCode).toBe(409);
    const closed = await injectAs(app, staff, { method: 'POST', url: `/api/decisions/${decision.id}/close` });
    expect(closed.statusCode).toBe(200);
    // Two ballots (a 70/30 split and a yes) fit too few assignments: only the outcome is published.
    expect(closed.json().result.tally).toMatchObject({
      weighted: null,
      organizations: null,
      outcome: 'passed',
    });
    expect(closed.json().result.secrecy).toMatchObject({
      level: { kind: 'outcome' },
      ballotsPublished: false,
    });

    const late = await injectAs(app, second.session, {
      method: 'PUT',
      url: `/api/decisions/${decision.id}/ballots/${second.organizationId}`,
      payload: { choice: 'no' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('decision.closed');

    const lookup = await injectAs(app, staff, {
      method: 'GET',
      url: `/api/decisions/${decision.id}/receipts/${receipt.toLowerCase()}`,
    });
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toEqual({
      receipt,
      choice: 'split',
      split: { yes: 700, no: 300, abstain: 0 },
      parts: null,
      organization: null,
      counted: true,
    });
    const verify = await injectAs(app, staff, { method: 'GET', url: '/api/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true, firstBroken: null, rows: { unexplained: [] } });
    const { head } = (await injectAs(app, staff, { method: 'GET', url: '/api/audit/head' })).json();
    expect(head).toMatchObject({ seq: verify.json().head.seq, hash: verify.json().head.hash });
    const against = await injectAs(app, staff, {
      method: 'GET',
      url: `/api/audit/verify?head=${head.hash}@${head.seq}`,
    });
    expect(against.json()).toMatchObject({ ok: true });
    const wrong = await injectAs(app, staff, {
      method: 'GET',
      url: `/api/audit/verify?head=${'0'.repeat(64)}@${head.seq}`,
    });
    expect(wrong.json()).toMatchObject({ ok: false, firstBroken: { reason: 'published_head_mismatch' } });
    const malformed = await injectAs(app, staff, { method: 'GET', url: '/api/audit/verify?head=abc' });
    expect(malformed.statusCode).toBe(400);
  });

  it('answers 422 with the failing rule when an application is put to a vote too early', async () => {
    const applied = await injectAs(app, staff, {
      method: 'POST',
      url: '/api/organizations',
      payload: { name: 'West Collective', kind: 'movement', position: -0.7 },
    });
    expect(applied.statusCode).toBe(201);
    const response = await injectAs(app, staff, {
      method: 'POST',
      url: '/api/decisions',
      payload: {
        kind: 'admission',
        title: 'Admit West Collective',
        subjectOrganizationId: applied.json().id,
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'admission.rules_not_met',
      details: { failures: [{ rule: 'the current charter ratified', actual: 0, required: 1, shortBy: 1 }] },
    });
  });

  it('publishes every governance route in the OpenAPI document', async () => {
    const paths = Object.keys((await app.inject('/docs/json')).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/organizations',
        '/api/organizations/{id}/evidence',
        '/api/decisions/{id}/ballots/{organizationId}',
        '/api/charter',
        '/api/audit/verify',
      ]),
    );
  });
});
