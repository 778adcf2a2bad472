import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx } from '../../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import { DomainError } from '../../../core/errors.ts';
import { createPact } from '../drafting/pacts.service.ts';
import { lockRace } from '../drafting/rules.service.ts';
import {
  auditTrail,
  type LeftCoalition,
  riversidePactInput,
  seedLeftCoalition,
} from '../pacts.test-fixtures.ts';
import { getPactView } from '../read.service.ts';
import type { EngineProgress } from './run-engine.ts';
import { RunExecutor } from './run-executor.ts';
import { getRun, requestRun } from './runs.service.ts';

const database = useTestDatabase();

/** Engine runs as jobs in the worker thread (every job here: the inline limit is 0). */
describe('pact runs in the engine worker', () => {
  let seeded: LeftCoalition;
  let executor: RunExecutor;

  beforeAll(async () => {
    const { db } = database();
    seeded = await seedLeftCoalition(db);
    executor = new RunExecutor(db, { inlineLimit: 0 });
  });
  afterAll(() => executor.close());

  const newPact = (name: string) =>
    inTx(database().db, (trx) => createPact(trx, seeded.secretariat, riversidePactInput(seeded, name)));

  const runToEnd = async (pactId: string, mode: 'heuristic' | 'exact') => {
    const { db } = database();
    const { job, run } = await inTx(db, (trx) => requestRun(trx, seeded.secretariat, pactId, { mode }));
    expect(run.status).toBe('queued');
    expect(executor.runsInline(job)).toBe(false);
    const phases: EngineProgress['phase'][] = [];
    await executor.execute(job, (progress) => phases.push(progress.phase));
    return { phases, run: await inTx(db, (trx) => getRun(trx, seeded.viewer, pactId, run.id)) };
  };

  it('runs the heuristic in the worker and reports its phases', async () => {
    const pact = await newPact('worker heuristic');
    const { phases, run } = await runToEnd(pact.id, 'heuristic');
    expect(phases).toEqual(['preparing', 'heuristic', 'checking']);
    expect(run).toMatchObject({ status: 'succeeded', phase: 'done', percent: 100 });
    expect(run.startedAt).not.toBeNull();
    expect(run.version).toMatchObject({ number: 1, mode: 'heuristic', gapToExact: null });
  });

  it('solves exactly with HiGHS in the worker and reports the heuristic’s gap', async () => {
    const pact = await newPact('worker exact');
    const { phases, run } = await runToEnd(pact.id, 'exact');
    expect(phases).toEqual(['preparing', 'heuristic', 'exact', 'checking']);
    expect(run.version?.mode).toBe('exact');
    expect(run.version?.gapToExact).toBeGreaterThanOrEqual(-1e-6);
    expect(run.version?.entitlementWithinOne).toBe(true);
  });

  it('records an infeasible pact as a failed run with the engine’s error, and no version', async () => {
    const { db } = database();
    const pact = await newPact('infeasible');
    const league = seeded.members[3];
    if (!league) throw new Error('no fourth member');
    // Ten races locked to the smallest member: far above its entitlement ceiling.
    for (let w = 1; w <= 10; w += 1) {
      const race = `RS-${String(w).padStart(2, '0')}`;
      await inTx(db, (trx) =>
        lockRace(trx, seeded.secretariat, pact.id, { race, organizationId: league.id }),
      );
    }
    const { run } = await runToEnd(pact.id, 'heuristic');
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('pact.infeasible');
    expect(run.version).toBeNull();
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pact.id));
    expect(view.versions).toEqual([]);
    expect(view.activeRun).toBeNull();
    const trail = await auditTrail(db, seeded.coalition.id);
    expect(trail.some((e) => e.action === 'pact.run_failed' && e.payload.runId === run.id)).toBe(true);
  });

  it('records a job cut short by a shutdown as interrupted, and frees the pact', async () => {
    const { db } = database();
    const pact = await newPact('shutdown');
    const stopping = new RunExecutor(db, { inlineLimit: 0 });
    const { job, run } = await inTx(db, (trx) =>
      requestRun(trx, seeded.secretariat, pact.id, { mode: 'exact' }),
    );
    const running = stopping.execute(job);
    // A fresh pool's worker takes a moment to start: the job is still queued when the server stops.
    await stopping.close();
    await running;
    const interrupted = await inTx(db, (trx) => getRun(trx, seeded.viewer, pact.id, run.id));
    expect(interrupted).toMatchObject({
      status: 'failed',
      error: { code: 'pact.run_interrupted' },
      version: null,
    });
    const again = await inTx(db, (trx) =>
      requestRun(trx, seeded.secretariat, pact.id, { mode: 'heuristic' }),
    );
    expect(again.run.status).toBe('queued');
  });

  it('allows one active run per pact, and frees a pact whose job was abandoned', async () => {
    const { db } = database();
    const pact = await newPact('one at a time');
    const first = await inTx(db, (trx) =>
      requestRun(trx, seeded.secretariat, pact.id, { mode: 'heuristic' }),
    );
    const busy = await inTx(db, (trx) =>
      requestRun(trx, seeded.secretariat, pact.id, { mode: 'exact' }),
    ).catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(DomainError);
    expect((busy as DomainError).code).toBe('pact.run_in_progress');
    // The process holding the first job stopped: its heartbeat is old.
    await db
      .updateTable('pact_runs')
      .set({ heartbeat_at: new Date(Date.now() - 10 * 60_000) })
      .where('id', '=', first.run.id)
      .execute();
    const second = await inTx(db, (trx) =>
      requestRun(trx, seeded.secretariat, pact.id, { mode: 'heuristic' }),
    );
    const abandoned = await inTx(db, (trx) => getRun(trx, seeded.viewer, pact.id, first.run.id));
    expect(abandoned).toMatchObject({ status: 'failed', error: { code: 'pact.run_abandoned' } });
    await executor.execute(second.job);
    // The abandoned job finishing late changes nothing: its failure stands, no second version.
    await executor.execute(first.job);
    const view = await inTx(db, (trx) => getPactView(trx, seeded.viewer, pact.id));
    expect(view.versions.map((v) => v.runId)).toEqual([second.run.id]);
  });
});
