import { describe, expect, it } from 'vitest';
import { inTx } from '../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import { DomainError } from '../../core/errors.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { recordConsent } from './consent.service.ts';
import { createPact } from './pacts.service.ts';
import { riversidePactInput, seedLeftCoalition } from './pacts.test-fixtures.ts';
import { sendToRatification } from './ratification.service.ts';
import { getPactView } from './read.service.ts';
import { lockRace } from './rules.service.ts';
import { RunExecutor } from './run-executor.ts';
import { requestRun } from './runs.service.ts';

const database = useTestDatabase();

const codeOf = (error: unknown) => (error instanceof DomainError ? error.code : String(error));

/** Meaningful on PostgreSQL (concurrent transactions); PGlite serializes them and must agree. */
describe('pacts under concurrency', () => {
  it('starts one run of twenty concurrent requests, numbers versions without gaps, and keeps the audit chain', async () => {
    const { db } = database();
    const seeded = await seedLeftCoalition(db);
    const pact = await inTx(db, (trx) => createPact(trx, seeded.secretariat, riversidePactInput(seeded)));
    const requests = await Promise.all(
      Array.from({ length: 20 }, () =>
        inTx(db, (trx) => requestRun(trx, seeded.secretariat, pact.id, { mode: 'heuristic' })).then(
          (requested) => ({ ok: true as const, requested }),
          (error: unknown) => ({ ok: false as const, code: codeOf(error) }),
        ),
      ),
    );
    const started = requests.flatMap((r) => (r.ok ? [r.requested] : []));
    expect(started).toHaveLength(1);
    expect(new Set(requests.flatMap((r) => (r.ok ? [] : [r.code])))).toEqual(
      new Set(['pact.run_in_progress']),
    );

    const [first] = started;
    if (!first) throw new Error('no run started');
    const executor = new RunExecutor(db);
    try {
      await executor.execute(first.job);
      // Ten rounds of a lock racing a run request and a local stance: each run that starts makes a version.
      for (let round = 0; round < 10; round += 1) {
        const race = `RS-${String(round + 1).padStart(2, '0')}`;
        const organizationId = seeded.members[round % 4]?.id ?? '';
        const [, run] = await Promise.allSettled([
          inTx(db, (trx) => lockRace(trx, seeded.secretariat, pact.id, { race, organizationId })),
          inTx(db, (trx) => requestRun(trx, seeded.secretariat, pact.id, { mode: 'heuristic' })),
          inTx(db, (trx) =>
            recordConsent(trx, seeded.members[0]?.delegate ?? seeded.viewer, pact.id, race, {
              stance: 'consent',
            }),
          ),
        ]);
        if (run.status === 'fulfilled') await executor.execute(run.value.job);
      }
    } finally {
      await executor.close();
    }
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pact.id));
    expect(view.versions.map((v) => v.number)).toEqual(view.versions.map((_, i) => i + 1));
    expect(view.versions).toHaveLength(11);
    expect(view.locks).toHaveLength(10);
    expect(view.consent.consents + view.consent.outdated).toBe(10);
    expect((await verifyAuditChain(db, seeded.coalition.id)).ok).toBe(true);
  });

  it('lets a ratification and a run request race: exactly one of them wins', async () => {
    const { db } = database();
    const seeded = await seedLeftCoalition(db);
    const pact = await inTx(db, (trx) => createPact(trx, seeded.secretariat, riversidePactInput(seeded)));
    const executor = new RunExecutor(db);
    try {
      const { job } = await inTx(db, (trx) =>
        requestRun(trx, seeded.secretariat, pact.id, { mode: 'heuristic' }),
      );
      await executor.execute(job);
    } finally {
      await executor.close();
    }
    const [ratify, run] = await Promise.allSettled([
      inTx(db, (trx) => sendToRatification(trx, seeded.secretariat, pact.id, {})),
      inTx(db, (trx) => requestRun(trx, seeded.secretariat, pact.id, { mode: 'heuristic' })),
    ]);
    const codes = [ratify, run].map((r) => (r.status === 'fulfilled' ? 'ok' : codeOf(r.reason)));
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    expect(codes.find((c) => c !== 'ok')).toMatch(/^pact\.(run_in_progress|ratification_pending)$/);
  });
});
