import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPact } from '../../src/features/pacts/drafting/pacts.service.ts';
import {
  delegateOf,
  type LeftCoalition,
  riversidePactInput,
  seedLeftCoalition,
} from '../../src/features/pacts/pacts.test-fixtures.ts';
import { recordConsent } from '../../src/features/pacts/ratification/consent.service.ts';
import { RunExecutor } from '../../src/features/pacts/runs/run-executor.ts';
import { requestRun } from '../../src/features/pacts/runs/runs.service.ts';
import { getToday } from '../../src/features/workspace/index.ts';
import { inTx } from '../helpers/governance.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

const database = useTestDatabase();

/** The dashboard's "consents awaited": races a pact gives a member that its branch has not answered. */
describe('what needs you today: pact consents awaited (issue 16)', () => {
  let seeded: LeftCoalition;
  let executor: RunExecutor;
  beforeAll(async () => {
    seeded = await seedLeftCoalition(database().db);
    executor = new RunExecutor(database().db);
  });
  afterAll(() => executor.close());

  it('lists each member’s unanswered races; an answer takes the race off; a delegate sees only its own', async () => {
    const { db } = database();
    const pact = await inTx(db, (trx) => createPact(trx, seeded.secretariat, riversidePactInput(seeded)));
    const staffBefore = await getToday(db, seeded.secretariat, 168);
    expect(staffBefore.consents.filter((c) => c.pactId === pact.id)).toEqual([]); // no version yet

    const { job } = await inTx(db, (trx) =>
      requestRun(trx, seeded.secretariat, pact.id, { mode: 'heuristic' }),
    );
    await executor.execute(job);
    const staff = (await getToday(db, seeded.secretariat, 168)).consents.filter((c) => c.pactId === pact.id);
    const total = staff.reduce((sum, c) => sum + c.races.length, 0);
    expect(total).toBeGreaterThan(0);
    const first = staff[0];
    if (!first) throw new Error('no awaited consent');
    const index = seeded.members.findIndex((m) => m.id === first.organization.organizationId);
    const delegate = delegateOf(seeded, index);

    const own = (await getToday(db, delegate, 168)).consents.filter((c) => c.pactId === pact.id);
    expect(own.map((c) => c.organization.organizationId)).toEqual([first.organization.organizationId]);

    const race = first.races[0];
    if (!race) throw new Error('no race');
    await inTx(db, (trx) =>
      recordConsent(trx, delegate, pact.id, race.key, { stance: 'object', note: 'local deal' }),
    );
    const after = (await getToday(db, seeded.secretariat, 168)).consents.filter((c) => c.pactId === pact.id);
    expect(after.reduce((sum, c) => sum + c.races.length, 0)).toBe(total - 1);
    expect(after.flatMap((c) => c.races.map((r) => r.key))).not.toContain(race.key);
  });
});
