import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx } from '../../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import { DomainError } from '../../../core/errors.ts';
import {
  auditTrail,
  delegateOf,
  type LeftCoalition,
  riversidePactInput,
  seedLeftCoalition,
} from '../pacts.test-fixtures.ts';
import { recordConsent } from '../ratification/consent.service.ts';
import { getPactView } from '../read.service.ts';
import { RunExecutor } from '../runs/run-executor.ts';
import { getRun, requestRun } from '../runs/runs.service.ts';
import { compareVersionNumbers, getVersion } from '../versions/versions.service.ts';
import { createPact, updatePact } from './pacts.service.ts';
import { lockRace, vetoRace } from './rules.service.ts';
import { swapRaces } from './swap.service.ts';

const database = useTestDatabase();

const failure = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
};

describe('pact service: create, run, lock, rerun, compare, swap, consent', () => {
  let seeded: LeftCoalition;
  let executor: RunExecutor;
  let pactId: string;

  beforeAll(async () => {
    const { db } = database();
    seeded = await seedLeftCoalition(db);
    executor = new RunExecutor(db);
    const pact = await inTx(db, (trx) => createPact(trx, seeded.secretariat, riversidePactInput(seeded)));
    pactId = pact.id;
  });
  afterAll(() => executor.close());

  const run = async (mode: 'heuristic' | 'exact' = 'heuristic', note?: string) => {
    const { db } = database();
    const { job, run } = await inTx(db, (trx) =>
      requestRun(trx, seeded.secretariat, pactId, { mode, ...(note ? { note } : {}) }),
    );
    await executor.execute(job);
    return inTx(db, (trx) => getRun(trx, seeded.viewer, pactId, run.id));
  };

  it('creates a pact from the coalition’s imported races and past results, members weighed by evidence', async () => {
    const { db } = database();
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    expect(view.status).toBe('draft');
    expect(view.races).toHaveLength(10);
    expect(view.races[0]).toMatchObject({ key: 'RS-01', name: 'Riverside ward 1', seats: 1 });
    expect(view.races[0]?.votesByParty).toMatchObject({ ECO: expect.any(Number), RN: expect.any(Number) });
    expect(view.members.map((m) => [m.key, m.weight, m.parties])).toEqual([
      ['green-left', 400, ['ECO']],
      ['social-party', 600, ['SOC']],
      ['red-front', 300, ['FI']],
      ['communist-league', 100, ['COM']],
    ]);
    expect(view.members[0]?.weightSource).toMatchObject({ kind: 'evidence', metric: 'members' });
    expect(view.members[0]?.position).toBe(-0.5);
    expect(view.latestVersion).toBeNull();
    const events = await auditTrail(db, seeded.coalition.id);
    expect(events.some((e) => e.action === 'pact.created' && e.subjectId === pactId)).toBe(true);
  });

  it('runs the heuristic inline as a job and keeps the version with its input and report', async () => {
    const done = await run('heuristic', 'first draft');
    expect(done).toMatchObject({ status: 'succeeded', phase: 'done', percent: 100, error: null });
    expect(done.version).toMatchObject({ number: 1, kind: 'run', mode: 'heuristic', note: 'first draft' });
    expect(done.version?.expectedWins).toBeGreaterThan(done.version?.noPactWins ?? Infinity);
    const { db } = database();
    const version = await inTx(db, (trx) => getVersion(trx, seeded.viewer, pactId, 1));
    expect(version.input.members.map((m) => m.id)).toEqual([
      'green-left',
      'social-party',
      'red-front',
      'communist-league',
    ]);
    // Each member's votes are its nuance's; every other candidate is one opponent.
    expect(version.input.races[0]?.votes).toMatchObject({ 'green-left': 1200, 'other:Étienne Bleu': 2860 });
    expect(Object.keys(version.result.assignments)).toHaveLength(10);
    expect(version.result.fairness.entitlementWithinOne).toBe(true);
    expect(version.labels.members['green-left']?.organizationId).toBe(seeded.members[0]?.id);
  });

  it('locks a race, reruns, and compares the two versions', async () => {
    const { db } = database();
    const v1 = await inTx(db, (trx) => getVersion(trx, seeded.viewer, pactId, 1));
    const [race, holder] =
      Object.entries(v1.result.assignments).find(([, member]) => member !== 'communist-league') ?? [];
    if (!race || !holder) throw new Error('version 1 gives every race to the Communist League');
    const league = seeded.members[3];
    if (!league) throw new Error('no fourth member');
    await inTx(db, (trx) =>
      lockRace(trx, seeded.secretariat, pactId, { race, organizationId: league.id, note: 'historic seat' }),
    );
    const stale = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    expect(stale.stale).toBe(true);
    expect(stale.races.find((r) => r.key === race)?.lock?.name).toBe('Communist League');
    const done = await run();
    expect(done.version?.number).toBe(2);
    const comparison = await inTx(db, (trx) => compareVersionNumbers(trx, seeded.viewer, pactId, 1, 2));
    const moved = comparison.moved.find((m) => m.race === race);
    expect(moved?.to?.name).toBe('Communist League');
    expect(moved?.from?.key).toBe(holder);
    const leagueFigures = comparison.members.find((m) => m.key === 'communist-league');
    expect(leagueFigures?.gained).toContain(race);
    expect(comparison.coalition.expectedWins.delta).toBeCloseTo(
      comparison.coalition.expectedWins.to - comparison.coalition.expectedWins.from,
      9,
    );
    const explanation = (await inTx(db, (trx) => getVersion(trx, seeded.viewer, pactId, 2))).result
      .explanations[race];
    expect(explanation).toContain('locked');
  });

  it('swaps two races into a checked manual version, locking both', async () => {
    const { db } = database();
    const v2 = await inTx(db, (trx) => getVersion(trx, seeded.viewer, pactId, 2));
    const entries = Object.entries(v2.result.assignments);
    const a = entries.find(
      ([race, m]) => m === 'social-party' && !v2.result.explanations[race]?.includes('locked'),
    );
    const b = entries.find(([, m]) => m === 'green-left');
    if (!a || !b) throw new Error('version 2 lacks a Social Party race or a Green Left race');
    const summary = await inTx(db, (trx) =>
      swapRaces(trx, seeded.secretariat, pactId, { races: [a[0], b[0]] }),
    );
    expect(summary).toMatchObject({ number: 3, kind: 'swap', mode: 'manual' });
    const v3 = await inTx(db, (trx) => getVersion(trx, seeded.viewer, pactId, 3));
    expect(v3.result.assignments[a[0]]).toBe('green-left');
    expect(v3.result.assignments[b[0]]).toBe('social-party');
    expect(v3.result.members['social-party']?.seats).toBe(v2.result.members['social-party']?.seats);
    expect(v3.result.fairness).toHaveProperty('wef1');
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    expect(
      view.locks
        .filter((l) => l.origin === 'swap')
        .map((l) => l.race)
        .sort(),
    ).toEqual([a[0], b[0]].sort());
    expect(view.stale).toBe(false);
    // A lock added after the swap makes the version stale: a second swap must wait for a rerun.
    const free = entries.find(([race]) => !view.locks.some((l) => l.race === race));
    if (!free) throw new Error('every race is locked');
    await inTx(db, (trx) =>
      vetoRace(trx, seeded.secretariat, pactId, {
        race: free[0],
        organizationId: seeded.members[2]?.id ?? '',
      }),
    );
    const stale = await failure(
      inTx(db, (trx) => swapRaces(trx, seeded.secretariat, pactId, { races: [a[0], b[0]] })),
    );
    expect(stale.code).toBe('pact.stale');
  });

  it('refuses a lock on a vetoed member and a veto on the locked member', async () => {
    const { db } = database();
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    const veto = view.vetoes[0];
    if (!veto) throw new Error('no veto');
    const locked = await failure(
      inTx(db, (trx) =>
        lockRace(trx, seeded.secretariat, pactId, {
          race: veto.race,
          organizationId: veto.member.organizationId,
        }),
      ),
    );
    expect(locked.code).toBe('pact.lock_vetoed');
    const lock = view.locks[0];
    if (!lock) throw new Error('no lock');
    const vetoed = await failure(
      inTx(db, (trx) =>
        vetoRace(trx, seeded.secretariat, pactId, {
          race: lock.race,
          organizationId: lock.member.organizationId,
        }),
      ),
    );
    expect(vetoed.code).toBe('pact.veto_locked');
  });

  it('records local consent per race, for the delegate’s own organization only', async () => {
    const { db } = database();
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    const race = view.races[0];
    if (!race) throw new Error('no race');
    const green = delegateOf(seeded, 0);
    const stance = await inTx(db, (trx) =>
      recordConsent(trx, green, pactId, race.key, { stance: 'object', note: 'our branch wants this seat' }),
    );
    expect(stance).toMatchObject({ stance: 'object', versionNumber: 3, current: true });
    const forOther = await failure(
      inTx(db, (trx) =>
        recordConsent(trx, green, pactId, race.key, {
          stance: 'consent',
          organizationId: seeded.members[1]?.id,
        }),
      ),
    );
    expect(forOther.code).toBe('pact.not_your_organization');
    const staff = await failure(
      inTx(db, (trx) => recordConsent(trx, seeded.secretariat, pactId, race.key, { stance: 'consent' })),
    );
    expect(staff.kind).toBe('forbidden');
    await inTx(db, (trx) =>
      recordConsent(trx, delegateOf(seeded, 1), pactId, race.key, { stance: 'consent' }),
    );
    const after = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    expect(after.consent).toMatchObject({
      consents: 1,
      objections: 1,
      racesWithObjection: [race.key],
      outdated: 0,
    });
    expect(after.races[0]?.consents.map((c) => c.organization.name).sort()).toEqual([
      'Green Left',
      'Social Party',
    ]);
  });

  it('reweighs members with an override and drops the rules of a member who leaves', async () => {
    const { db } = database();
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    const members = view.members
      .filter((m) => m.key !== 'red-front')
      .map((m) => ({
        organizationId: m.organizationId,
        parties: m.parties,
        ...(m.key === 'green-left' ? { weight: 450 } : {}),
      }));
    await inTx(db, (trx) => updatePact(trx, seeded.secretariat, pactId, { members }));
    const after = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    expect(after.members.map((m) => m.key)).toEqual(['green-left', 'social-party', 'communist-league']);
    expect(after.members[0]).toMatchObject({ weight: 450, weightSource: { kind: 'override' } });
    expect(after.vetoes.some((v) => v.member.key === 'red-front')).toBe(false);
    expect(after.revision).toBeGreaterThan(view.revision);
    const race = after.races[0]?.key ?? '';
    const outside = await failure(
      inTx(db, (trx) => recordConsent(trx, delegateOf(seeded, 2), pactId, race, { stance: 'object' })),
    );
    expect(outside.code).toBe('pact.consent_not_member');
  });
});
