import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../test/helpers/factories.ts';
import { inTx } from '../../../test/helpers/governance.ts';
import { buildTestApp, injectAs, signIn, type TestSession } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { App } from '../../http/types.ts';
import { endorseCandidate, proposeCandidate } from './candidates.service.ts';
import type { Slate } from './slate.schema.ts';
import {
  member,
  ratifyMichiganPact,
  seedTicketsCoalition,
  type TicketsSeed,
} from './tickets.test-fixtures.ts';

const database = useTestDatabase();

describe('tickets over HTTP and the public slate', () => {
  let app: App;
  let seed: TicketsSeed;
  let other: TicketsSeed;
  let workers: TestSession;
  let greens: TestSession;
  let secretariat: TestSession;

  beforeAll(async () => {
    const { db } = database();
    seed = await seedTicketsCoalition(db);
    other = await seedTicketsCoalition(db);
    await ratifyMichiganPact(db, seed);
    app = await buildTestApp(db);
    const login = async (role: 'delegate' | 'secretariat', organizationId: string | null) => {
      const user = await createTestUser(db, seed.coalition.slug, role, organizationId);
      return signIn(app, { email: user.email, password: user.password, coalition: seed.coalition.slug });
    };
    workers = await login('delegate', member(seed, 0).id);
    greens = await login('delegate', member(seed, 1).id);
    secretariat = await login('secretariat', null);
  }, 180_000);

  it('POST /api/candidates: 201 for the own member, 403 for another member, 401 signed out, 400 on a bad body', async () => {
    const ok = await injectAs(app, workers, {
      method: 'POST',
      url: '/api/candidates',
      payload: { name: 'Ida Bell', raceId: seed.raceId('CT-HD-1') },
    });
    expect(ok.statusCode).toBe(201);
    const forged = await injectAs(app, greens, {
      method: 'POST',
      url: '/api/candidates',
      payload: { name: 'Forged', raceId: seed.raceId('CT-HD-1'), organizationId: member(seed, 0).id },
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('candidate.not_your_member');
    const anon = await app.inject({
      method: 'POST',
      url: '/api/candidates',
      payload: { name: 'X', raceId: seed.raceId('CT-HD-1') },
    });
    expect(anon.statusCode).toBe(401);
    const bad = await injectAs(app, workers, {
      method: 'POST',
      url: '/api/candidates',
      payload: { name: '', raceId: 'nope' },
    });
    expect(bad.statusCode).toBe(400);
    const id = ok.json().id as string;
    const theirs = await injectAs(app, greens, {
      method: 'POST',
      url: `/api/candidates/${id}/transitions`,
      payload: { action: 'reject', reason: 'withdrawn' },
    });
    expect(theirs.statusCode).toBe(403);
    const foreign = await injectAs(app, workers, {
      method: 'POST',
      url: '/api/candidates',
      payload: { name: 'Z', raceId: other.raceId('CT-HD-1') },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('a refused fusion is a 422 naming the state and the rule, offering endorsement', async () => {
    const created = await injectAs(app, workers, {
      method: 'POST',
      url: '/api/candidates',
      payload: { name: 'Lou Ray', raceId: seed.raceId('MI-HD-3') },
    });
    const refused = await injectAs(app, greens, {
      method: 'POST',
      url: `/api/candidates/${created.json().id}/lines`,
      payload: { kind: 'party' },
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({
      code: 'fusion.not_allowed',
      details: { state: 'Michigan', statePo: 'MI', offer: 'endorsement' },
    });
    const check = await injectAs(app, workers, {
      method: 'POST',
      url: '/api/candidates/check',
      payload: {
        raceId: seed.raceId('NY-SD-1'),
        lines: [{ kind: 'party' }, { kind: 'party', organizationId: member(seed, 1).id }],
      },
    });
    expect(check.json()).toMatchObject({ ok: true, fusion: { display: 'separate' } });
  });

  it('the public slate shows endorsed, compliant nominations only; PDF and iCal follow it', async () => {
    const { db } = database();
    const [w, g] = [member(seed, 0), member(seed, 1)];
    const endorsed = await inTx(db, (trx) =>
      proposeCandidate(trx, g.delegate, { name: 'Public Pat', raceId: seed.raceId('MI-HD-1') }),
    );
    await inTx(db, (trx) => endorseCandidate(trx, seed.secretariat, endorsed.id));
    await inTx(db, (trx) =>
      proposeCandidate(trx, g.delegate, { name: 'Proposed Only', raceId: seed.raceId('MI-HD-3') }),
    );
    const dissident = await inTx(db, (trx) =>
      proposeCandidate(trx, w.delegate, { name: 'Dissident Dan', raceId: seed.raceId('MI-HD-1') }),
    );
    expect(dissident.dissident).toHaveLength(1);
    await inTx(db, (trx) => endorseCandidate(trx, seed.secretariat, dissident.id));
    const otherC = await inTx(db, (trx) =>
      proposeCandidate(trx, member(other, 0).delegate, {
        name: 'Other Coalition',
        raceId: other.raceId('MI-HD-1'),
      }),
    );
    await inTx(db, (trx) => endorseCandidate(trx, other.secretariat, otherC.id));

    const response = await app.inject({
      method: 'GET',
      url: `/api/public/coalitions/${seed.coalition.slug}/slate?jurisdiction=state:26`,
    });
    expect(response.statusCode).toBe(200);
    const slate: Slate = response.json();
    expect(slate.entries.map((e) => e.name)).toEqual(['Public Pat']);
    expect(slate.entries[0]).toMatchObject({
      member: { name: 'Harbor Greens' },
      coverage: 'within_place',
      lines: [{ kind: 'party', label: 'Harbor Greens' }],
    });

    const pdf = await app.inject({
      method: 'GET',
      url: `/api/public/coalitions/${seed.coalition.slug}/slate.pdf?jurisdiction=state:26`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const ics = await app.inject({
      method: 'GET',
      url: `/api/public/coalitions/${seed.coalition.slug}/slate.ics?jurisdiction=state:26`,
    });
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toMatch(/SUMMARY:Election day: .*Michigan House 1/);
    expect(ics.body).toMatch(/SUMMARY:Filing deadline: .*Michigan House 1/);
    expect(ics.body).toContain('DTSTART;VALUE=DATE:20261103');
    expect(ics.body).not.toContain('Michigan House 3');

    const missing = await app.inject({
      method: 'GET',
      url: '/api/public/coalitions/nope/slate?jurisdiction=state:26',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('staff-only routes refuse delegates; the alerts list the dissident', async () => {
    const settings = await injectAs(app, workers, {
      method: 'PATCH',
      url: '/api/tickets/settings',
      payload: { splitTicket: true },
    });
    expect(settings.statusCode).toBe(403);
    const ok = await injectAs(app, secretariat, {
      method: 'PATCH',
      url: '/api/tickets/settings',
      payload: { splitTicket: true },
    });
    expect(ok.json()).toMatchObject({ splitTicket: true, endorsementBy: 'secretariat' });
    const importing = await injectAs(app, workers, {
      method: 'POST',
      url: '/api/results/import',
      payload: { text: 'a,b\n' },
    });
    expect(importing.statusCode).toBe(403);
    const alerts = await injectAs(app, greens, { method: 'GET', url: '/api/compliance/alerts' });
    expect(alerts.json().map((a: { candidateName: string }) => a.candidateName)).toContain('Dissident Dan');
    const doc = await app.inject({ method: 'GET', url: '/docs/json' });
    expect(Object.keys(doc.json().paths)).toEqual(
      expect.arrayContaining([
        '/api/candidates',
        '/api/tickets/national',
        '/api/public/coalitions/{slug}/slate',
      ]),
    );
  });
});
