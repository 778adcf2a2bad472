import { describe, expect, it } from 'vitest';
import { createTestUser } from '../../../test/helpers/factories.ts';
import { inTx, seedCoalition } from '../../../test/helpers/governance.ts';
import { buildTestApp, injectAs, signIn } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { castBallot, createDecision } from '../decisions/index.ts';
import { createOrganization } from '../registry/index.ts';
import { todayResponseSchema } from './today.schema.ts';
import { getToday } from './today.service.ts';

const database = useTestDatabase();
const hours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();

async function seedToday() {
  const { db } = database();
  const seed = await seedCoalition(db, [
    { name: 'Harbor Greens' },
    { name: 'Civic Renewal' },
    { name: 'Rust Belt Labor' },
  ]);
  const [greens, civic] = seed.members;
  if (!greens || !civic) throw new Error('seed');
  const motion = { kind: 'motion' as const, title: 'Open motion', closesAt: hours(24) };
  const open = await inTx(db, (trx) => createDecision(trx, seed.secretariat, motion));
  const secret = await inTx(db, (trx) =>
    createDecision(trx, seed.secretariat, {
      ...motion,
      title: 'Secret motion',
      secret: true,
      acknowledgeWeakSecrecy: true,
    }),
  );
  const later = await inTx(db, (trx) =>
    createDecision(trx, seed.secretariat, { ...motion, title: 'Far motion', closesAt: hours(24 * 30) }),
  );
  for (const id of [open.id, secret.id]) {
    await inTx(db, (trx) => castBallot(trx, greens.delegate, id, greens.id, { choice: 'yes' }));
  }
  const applicant = await inTx(db, (trx) =>
    createOrganization(trx, seed.secretariat, { name: 'Prairie Movement', kind: 'movement' }),
  );
  return { db, seed, greens, civic, open, secret, later, applicant };
}

describe('what needs you today (issue 16)', () => {
  it('lists decisions closing soon, soonest first, with names on open ballots and counts only on secret ones', async () => {
    const { db, seed, open, secret, later } = await seedToday();
    const today = await getToday(db, seed.secretariat, 168);
    const ids = today.decisions.map((d) => d.id);
    expect(ids).toContain(open.id);
    expect(ids).toContain(secret.id);
    expect(ids).not.toContain(later.id);
    const openItem = today.decisions.find((d) => d.id === open.id);
    expect(openItem).toMatchObject({ eligible: 3, voted: 1, secret: false });
    expect(openItem?.notVoted?.map((o) => o.name).sort()).toEqual(['Civic Renewal', 'Rust Belt Labor']);
    const secretItem = today.decisions.find((d) => d.id === secret.id);
    expect(secretItem).toMatchObject({ eligible: 3, voted: 1, secret: true, notVoted: null });
    // The longer horizon brings the far decision in.
    expect((await getToday(db, seed.secretariat, 24 * 60)).decisions.map((d) => d.id)).toContain(later.id);
  });

  it('a delegate sees whether its own organization voted, and only its own applications', async () => {
    const { db, seed, greens, civic, secret, applicant } = await seedToday();
    const forGreens = await getToday(db, greens.delegate, 168);
    expect(forGreens.decisions.find((d) => d.id === secret.id)?.mine).toEqual({ onRoll: true, voted: true });
    const forCivic = await getToday(db, civic.delegate, 168);
    expect(forCivic.decisions.find((d) => d.id === secret.id)?.mine).toEqual({ onRoll: true, voted: false });
    expect(forCivic.applications).toEqual([]);
    const forStaff = await getToday(db, seed.secretariat, 168);
    expect(forStaff.applications).toEqual([
      { id: applicant.id, name: 'Prairie Movement', charterRatified: false },
    ]);
    expect(forStaff.decisions.every((d) => d.mine === null)).toBe(true);
  });

  it('answers GET /api/today through its contract, and refuses without a session', async () => {
    const { db, seed, civic, secret } = await seedToday();
    const app = await buildTestApp(db);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/today' })).statusCode).toBe(401);
      const user = await createTestUser(db, seed.coalition.slug, 'delegate', civic.id);
      const session = await signIn(app, { email: user.email, password: user.password });
      const response = await injectAs(app, session, { method: 'GET', url: '/api/today?withinHours=48' });
      expect(response.statusCode).toBe(200);
      const body = todayResponseSchema.parse(response.json());
      expect(body.withinHours).toBe(48);
      expect(body.decisions.find((d) => d.id === secret.id)).toMatchObject({ notVoted: null, voted: 1 });
      const bad = await injectAs(app, session, { method: 'GET', url: '/api/today?withinHours=0' });
      expect(bad.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
