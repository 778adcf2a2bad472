import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx } from '../../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import { LocalJobQueue } from '../../../jobs/index.ts';
import { createPact } from '../drafting/pacts.service.ts';
import {
  auditTrail,
  type LeftCoalition,
  riversidePactInput,
  seedLeftCoalition,
} from '../pacts.test-fixtures.ts';
import { RunExecutor } from './run-executor.ts';
import { enqueueRun, pactRunQueue, registerPactRunJobs } from './run-job.ts';
import { getRun, requestRun } from './runs.service.ts';

const database = useTestDatabase();

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Pact runs as durable jobs (docs/decisions/0017), on the embedded job runner. */
describe('pact run jobs', () => {
  let seeded: LeftCoalition;
  let jobs: LocalJobQueue;
  let executor: RunExecutor;

  beforeAll(async () => {
    const { db } = database();
    seeded = await seedLeftCoalition(db);
    executor = new RunExecutor(db, { inlineLimit: 0 });
    jobs = new LocalJobQueue(db, { pollMs: 20 });
    registerPactRunJobs(jobs, db, executor);
    await jobs.start();
  });
  afterAll(async () => {
    await jobs.stop();
    await executor.close();
  });

  const request = async (name: string, mode: 'heuristic' | 'exact') => {
    const { db } = database();
    const pact = await inTx(db, (trx) =>
      createPact(trx, seeded.secretariat, riversidePactInput(seeded, name)),
    );
    const { run } = await inTx(db, async (trx) => {
      const requested = await requestRun(trx, seeded.secretariat, pact.id, { mode });
      await enqueueRun(jobs, trx, requested.job);
      return requested;
    });
    return { pact, run };
  };

  const finished = (pactId: string, runId: string) =>
    until(
      () => inTx(database().db, (trx) => getRun(trx, seeded.viewer, pactId, runId)),
      (run) => run.status !== 'queued' && run.status !== 'running',
    );

  it('runs a requested run in the worker and makes its version', async () => {
    const { pact, run } = await request('queued exact', 'exact');
    expect(await finished(pact.id, run.id)).toMatchObject({ status: 'succeeded', version: { number: 1 } });
  });

  it('does nothing when the job of an ended run is delivered again: one version, one event', async () => {
    const { db } = database();
    const { pact, run } = await request('delivered twice', 'heuristic');
    await finished(pact.id, run.id);
    // The queue delivers at least once: the same job again (say, after a crash before it settled).
    await jobs.enqueue(pactRunQueue, { runId: run.id, coalitionId: seeded.coalition.id }, { key: run.id });
    await until(
      () => db.selectFrom('jobs').select('state').where('key', '=', run.id).execute(),
      (rows) => rows.length === 2 && rows.every((r) => r.state === 'completed'),
    );
    const versions = await db
      .selectFrom('pact_versions')
      .select('run_id')
      .where('pact_id', '=', pact.id)
      .execute();
    expect(versions).toEqual([{ run_id: run.id }]);
    const created = (await auditTrail(db, seeded.coalition.id)).filter(
      (e) => e.action === 'pact.version_created' && e.payload.runId === run.id,
    );
    expect(created).toHaveLength(1);
  });

  it('leaves a run cut short by a stopping server active, and its job waiting to run again', async () => {
    const { db } = database();
    const stopping = new RunExecutor(db, { inlineLimit: 0 });
    await stopping.close();
    const { pact, run } = await inTx(db, async (trx) => {
      const created = await createPact(trx, seeded.secretariat, riversidePactInput(seeded, 'cut short'));
      return { pact: created, ...(await requestRun(trx, seeded.secretariat, created.id, { mode: 'exact' })) };
    });
    // A closed executor interrupts the run: on a queue attempt that is not the last, it is thrown.
    const outcome = await stopping
      .executeQueued(
        {
          runId: run.id,
          coalitionId: seeded.coalition.id,
          mode: 'exact',
          input: { members: [], races: [] },
          size: 0,
        },
        { lastAttempt: false },
      )
      .then(
        () => 'resolved',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
    expect(outcome).toMatch(/run it again/);
    const after = await inTx(db, (trx) => getRun(trx, seeded.viewer, pact.id, run.id));
    expect(after.status).toBe('queued');
    // On its last attempt the same interruption is recorded on the run.
    await stopping.executeQueued(
      {
        runId: run.id,
        coalitionId: seeded.coalition.id,
        mode: 'exact',
        input: { members: [], races: [] },
        size: 0,
      },
      { lastAttempt: true },
    );
    expect(await inTx(db, (trx) => getRun(trx, seeded.viewer, pact.id, run.id))).toMatchObject({
      status: 'failed',
      error: { code: 'pact.run_interrupted' },
    });
  });
});
