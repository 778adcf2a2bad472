import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { DomainError } from '../../core/errors.ts';
import { castBallot, closeDecision, createDecision, getDecisionView } from '../decisions/index.ts';
import { insertRatification } from './consent.repository.ts';
import { recordConsent } from './consent.service.ts';
import { createPact, updatePact } from './pacts.service.ts';
import {
  delegateOf,
  type LeftCoalition,
  riversidePactInput,
  seedLeftCoalition,
} from './pacts.test-fixtures.ts';
import { sendToRatification } from './ratification.service.ts';
import { getPactView } from './read.service.ts';
import { lockRace, unlockRace, vetoRace } from './rules.service.ts';
import { RunExecutor } from './run-executor.ts';
import { getRun, requestRun } from './runs.service.ts';
import { swapRaces } from './swap.service.ts';
import { findVersion } from './versions.repository.ts';

const database = useTestDatabase();

const codeOf = (work: Promise<unknown>) =>
  work.then(
    () => 'succeeded',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );

describe('pact ratification through a decision', () => {
  let seeded: LeftCoalition;
  let executor: RunExecutor;

  beforeAll(async () => {
    const { db } = database();
    seeded = await seedLeftCoalition(db);
    executor = new RunExecutor(db);
  });
  afterAll(() => executor.close());

  /** A pact with one version. */
  const pactWithVersion = async (name: string) => {
    const { db } = database();
    const pact = await inTx(db, (trx) =>
      createPact(trx, seeded.secretariat, riversidePactInput(seeded, name)),
    );
    const { job } = await inTx(db, (trx) =>
      requestRun(trx, seeded.secretariat, pact.id, { mode: 'heuristic' }),
    );
    await executor.execute(job);
    return pact.id;
  };

  const voteAll = async (decisionId: string, choice: 'yes' | 'no') => {
    const { db } = database();
    for (const member of seeded.members) {
      await inTx(db, (trx) => castBallot(trx, member.delegate, decisionId, member.id, { choice }));
    }
    await inTx(db, (trx) => closeDecision(trx, seeded.secretariat, decisionId));
  };

  it('puts a version to a pact_ratification decision; edits wait, branches still speak; passing freezes it', async () => {
    const { db } = database();
    const pactId = await pactWithVersion('to ratify');
    const sent = await inTx(db, (trx) => sendToRatification(trx, seeded.secretariat, pactId, {}));
    expect(sent.version).toBe(1);
    const decision = await inTx(db, (trx) => getDecisionView(trx, seeded.viewer, sent.decisionId));
    expect(decision).toMatchObject({ kind: 'pact_ratification', phase: 'open', method: 'majority' });
    expect(decision.body).toContain('version 1');
    expect(decision.body).toMatch(/Green Left: \d+ races/);

    const pending = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    expect(pending.status).toBe('in_ratification');
    expect(pending.ratification).toMatchObject({ decisionId: sent.decisionId, version: 1, phase: 'open' });
    const race = pending.races[0]?.key ?? '';
    const organizationId = seeded.members[0]?.id ?? '';
    expect(
      await codeOf(inTx(db, (trx) => lockRace(trx, seeded.secretariat, pactId, { race, organizationId }))),
    ).toBe('pact.ratification_pending');
    expect(
      await codeOf(inTx(db, (trx) => requestRun(trx, seeded.secretariat, pactId, { mode: 'heuristic' }))),
    ).toBe('pact.ratification_pending');
    await inTx(db, (trx) => recordConsent(trx, delegateOf(seeded, 0), pactId, race, { stance: 'consent' }));

    await voteAll(sent.decisionId, 'yes');
    const ratified = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    expect(ratified).toMatchObject({ status: 'ratified', ratifiedVersion: 1 });
    expect(ratified.ratification).toMatchObject({ phase: 'closed', outcome: 'passed' });
  });

  it('refuses every edit of a ratified pact with 409 and changes nothing', async () => {
    const { db } = database();
    const pactId = await pactWithVersion('frozen');
    const sent = await inTx(db, (trx) => sendToRatification(trx, seeded.secretariat, pactId, {}));
    await voteAll(sent.decisionId, 'yes');
    const before = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    const [first, second] = before.races;
    const organizationId = seeded.members[1]?.id ?? '';
    const staff = seeded.secretariat;
    const attempts = {
      lock: () => inTx(db, (trx) => lockRace(trx, staff, pactId, { race: first?.key ?? '', organizationId })),
      unlock: () => inTx(db, (trx) => unlockRace(trx, staff, pactId, first?.key ?? '')),
      veto: () => inTx(db, (trx) => vetoRace(trx, staff, pactId, { race: first?.key ?? '', organizationId })),
      swap: () =>
        inTx(db, (trx) => swapRaces(trx, staff, pactId, { races: [first?.key ?? '', second?.key ?? ''] })),
      run: () => inTx(db, (trx) => requestRun(trx, staff, pactId, { mode: 'exact' })),
      rename: () => inTx(db, (trx) => updatePact(trx, staff, pactId, { name: 'renamed' })),
      ratifyAgain: () => inTx(db, (trx) => sendToRatification(trx, staff, pactId, {})),
      consent: () =>
        inTx(db, (trx) =>
          recordConsent(trx, delegateOf(seeded, 1), pactId, first?.key ?? '', { stance: 'object' }),
        ),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      expect(await codeOf(attempt()), name).toBe('pact.ratified');
    }
    const after = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    expect(after).toEqual(before);
  });

  it('leaves the pact editable when the decision fails', async () => {
    const { db } = database();
    const pactId = await pactWithVersion('rejected');
    const sent = await inTx(db, (trx) => sendToRatification(trx, seeded.secretariat, pactId, {}));
    await voteAll(sent.decisionId, 'no');
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    expect(view.status).toBe('draft');
    expect(view.ratification).toMatchObject({ outcome: 'rejected' });
    const race = view.races[0]?.key ?? '';
    await inTx(db, (trx) =>
      lockRace(trx, seeded.secretariat, pactId, { race, organizationId: seeded.members[0]?.id ?? '' }),
    );
    // A second attempt, on a new version, can pass.
    const { job } = await inTx(db, (trx) =>
      requestRun(trx, seeded.secretariat, pactId, { mode: 'heuristic' }),
    );
    await executor.execute(job);
    const again = await inTx(db, (trx) =>
      sendToRatification(trx, seeded.secretariat, pactId, { version: 2 }),
    );
    expect(again.version).toBe(2);
  });

  it('needs a version, and refuses a second ratification while one is open', async () => {
    const { db } = database();
    const bare = await inTx(db, (trx) =>
      createPact(trx, seeded.secretariat, riversidePactInput(seeded, 'bare')),
    );
    expect(await codeOf(inTx(db, (trx) => sendToRatification(trx, seeded.secretariat, bare.id, {})))).toBe(
      'pact.version_not_found',
    );
    const pactId = await pactWithVersion('twice');
    await inTx(db, (trx) => sendToRatification(trx, seeded.secretariat, pactId, {}));
    expect(await codeOf(inTx(db, (trx) => sendToRatification(trx, seeded.secretariat, pactId, {})))).toBe(
      'pact.ratification_pending',
    );
  });

  it('discards a job that finishes after the pact went to ratification', async () => {
    const { db } = database();
    const pactId = await pactWithVersion('late job');
    const { job, run } = await inTx(db, (trx) =>
      requestRun(trx, seeded.secretariat, pactId, { mode: 'heuristic' }),
    );
    // Another server process sends the pact to ratification while the job is still queued here.
    await inTx(db, async (trx) => {
      const decision = await createDecision(trx, seeded.secretariat, {
        kind: 'pact_ratification',
        title: 'late',
      });
      const version = await findVersion(trx, pactId);
      await insertRatification(trx, {
        coalition_id: seeded.coalition.id,
        pact_id: pactId,
        version_id: version?.id ?? '',
        decision_id: decision.id,
      });
    });
    await executor.execute(job);
    const late = await inTx(db, (trx) => getRun(trx, seeded.viewer, pactId, run.id));
    expect(late).toMatchObject({ status: 'discarded', version: null, error: { code: 'pact.frozen' } });
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pactId));
    expect(view.versions).toHaveLength(1);
  });
});
