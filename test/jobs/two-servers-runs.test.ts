/**
 * A pact run on two app servers sharing one PostgreSQL (issue 14): the run is requested on A, its
 * job is taken by whichever server pg-boss gives it to; that server is killed (kill -9) while HiGHS
 * solves, and the other one, still running, retries the job and completes the run once: one
 * version, one `pact.version_created` event. Skipped with a message when no PostgreSQL answers.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { verifyAuditChain } from '../../src/features/audit/index.ts';
import { type RunView, requestExactRun, seedBigPact, waitForExactPhase } from '../helpers/big-pact.ts';
import { admin, adminUrl, databaseUrl, dropDatabase, postgresAnswers } from '../helpers/postgres-admin.ts';
import { killHard, type ServedConcord, serveConcord } from '../helpers/processes.ts';
import { signInOverHttp } from '../helpers/test-app.ts';

const available = await postgresAnswers();
if (!available) console.warn(`two-server pact run test skipped: no PostgreSQL at ${adminUrl}`);

describe.skipIf(!available)('a pact run with two app servers on one PostgreSQL', () => {
  const name = `concord_job_two_${Date.now()}`;
  const url = databaseUrl(name);
  let handle: DatabaseHandle | undefined;
  const servers: ServedConcord[] = [];

  afterAll(async () => {
    for (const server of servers) if (server.server.child.exitCode === null) await killHard(server.server);
    await handle?.close();
    await dropDatabase(name);
  }, 60_000);

  async function startServer() {
    const served = await serveConcord({ DATABASE_URL: url });
    servers.push(served);
    return served;
  }

  it('runs the job on either server; when that one dies the other completes the run once', async () => {
    await admin(`CREATE DATABASE ${name}`);
    handle = await connect({ kind: 'postgres', url });
    const { db } = handle;
    await migrateToLatest(db);
    const seeded = await seedBigPact(db, { races: 300, members: 6, seed: 1 });
    const a = await startServer();
    const b = await startServer();

    const session = await signInOverHttp(a.base, seeded.staff);
    const { runId, readRun } = await requestExactRun(a.base, session, seeded.pactId);

    // Progress is read on B whichever server runs the job: it is on the run's row.
    await waitForExactPhase(readRun, b.base);
    const started = new RegExp(`pact run ${runId}: attempt 1 started`);
    const takers = servers.filter((s) => started.test(s.server.output()));
    expect(takers).toHaveLength(1);
    const taker = takers[0];
    const other = servers.find((s) => s !== taker);
    if (!taker || !other) throw new Error('no servers');
    await killHard(taker.server);

    // The survivor's pg-boss supervisor finds the job without a heartbeat and retries it there.
    await other.server.waitFor(new RegExp(`pact run ${runId}: attempt 2 started`), 120_000);
    let finished: RunView | undefined;
    while (!finished) {
      const run = await readRun(other.base);
      if (run.status !== 'queued' && run.status !== 'running') finished = run;
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(finished).toMatchObject({ status: 'succeeded', version: { number: 1 } });

    const versions = await db
      .selectFrom('pact_versions')
      .select(['number', 'run_id'])
      .where('pact_id', '=', seeded.pactId)
      .execute();
    expect(versions).toEqual([{ number: 1, run_id: runId }]);
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('coalition_id', '=', seeded.coalitionId)
      .where('action', 'in', ['pact.version_created', 'pact.run_failed'])
      .execute();
    expect(events.map((e) => e.action)).toEqual(['pact.version_created']);
    expect((await verifyAuditChain(db, seeded.coalitionId)).ok).toBe(true);
  }, 300_000);
});
