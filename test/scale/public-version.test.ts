import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../../src/app.ts';
import { connect, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { castBallot, closeDecision, createDecision } from '../../src/features/decisions/index.ts';
import { loadReferenceData, prepareDatasets } from '../../src/features/map/index.ts';
import { createPact } from '../../src/features/pacts/drafting/pacts.service.ts';
import { publicIndexStats } from '../../src/features/pacts/public/public.routes.ts';
import { publicCandidatesSchema } from '../../src/features/pacts/public/public.schema.ts';
import { slowCoalitionCandidates } from '../../src/features/pacts/public/public.test-fixtures.ts';
import { sendToRatification } from '../../src/features/pacts/ratification/ratification.service.ts';
import { RunExecutor } from '../../src/features/pacts/runs/run-executor.ts';
import { requestRun } from '../../src/features/pacts/runs/runs.service.ts';
import type { App } from '../../src/http/types.ts';
import { createTestUser } from '../helpers/factories.ts';
import { inTx, seedCoalition } from '../helpers/governance.ts';
import { admin, adminUrl, databaseUrl, dropDatabase, postgresAnswers } from '../helpers/postgres-admin.ts';
import { type ServedConcord, serveConcord } from '../helpers/processes.ts';
import { signInOverHttp, testConfig } from '../helpers/test-app.ts';

/**
 * The public lookup's index on two app servers sharing PostgreSQL (migration 2026_12_06_2301,
 * docs/performance.md "Read path"): server A is this process (its index builds are counted), server
 * B a `concord serve` process. A ballot cast on B does not rebuild A's index; a member renamed on B
 * is in A's next answers (B's write reaches A only through the database: its notification and the
 * public version).
 */
const available = await postgresAnswers();
if (!available) console.warn(`public-version test skipped: no PostgreSQL answers at ${adminUrl}`);

const wayne = 'county:26163';

describe.skipIf(!available)('the public index on two servers', () => {
  const name = `concord_public_version_${Date.now()}`;
  let handle: DatabaseHandle;
  let a: App;
  let b: ServedConcord;
  let executor: RunExecutor;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    handle = await connect({ kind: 'postgres', url: databaseUrl(name) });
    await migrateToLatest(handle.db);
  }, 120_000);

  afterAll(async () => {
    if (b) {
      b.server.child.kill('SIGTERM');
      await b.server.exited;
    }
    await a?.close();
    await executor?.close();
    await handle?.close();
    await dropDatabase(name);
  }, 60_000);

  it('a ballot on the other server does not rebuild it; a member renamed there is answered next', async () => {
    const { db } = handle;
    await inTx(db, async (trx) =>
      loadReferenceData(trx, await prepareDatasets(['us-geography', 'us-president-2024-county'])),
    );
    const seed = await seedCoalition(db, [
      { name: 'Lakeshore Labor', strength: 900 },
      { name: 'Harbor Greens', strength: 400 },
    ]);
    const michigan = await db
      .selectFrom('jurisdictions')
      .select('id')
      .where('kind', '=', 'state')
      .where('code', '=', '26')
      .where('coalition_id', 'is', null)
      .executeTakeFirstOrThrow();
    // A ratified zones pact over Michigan's counties: the members' names are in the answers.
    const pact = await inTx(db, (trx) =>
      createPact(trx, seed.secretariat, {
        name: 'Michigan zones',
        source: {
          kind: 'zones',
          parentJurisdictionId: michigan.id,
          zoneKind: 'county',
          resultSet: 'us-president-2024-county',
        },
        members: seed.members.map((member) => ({ organizationId: member.id, parties: ['DEM'] })),
      }),
    );
    executor = new RunExecutor(db);
    const { job } = await inTx(db, (trx) =>
      requestRun(trx, seed.secretariat, pact.id, { mode: 'heuristic' }),
    );
    await executor.execute(job);
    const sent = await inTx(db, (trx) => sendToRatification(trx, seed.secretariat, pact.id, {}));
    for (const member of seed.members)
      await inTx(db, (trx) =>
        castBallot(trx, member.delegate, sent.decisionId, member.id, { choice: 'yes' }),
      );
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, sent.decisionId));
    // A motion under vote, for a ballot that the public never sees.
    const motion = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, {
        kind: 'motion',
        title: 'Adopt the platform',
        closesAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
    );

    a = await buildApp({ db, config: testConfig, strictContracts: true, listen: handle.listen });
    b = await serveConcord({ DATABASE_URL: databaseUrl(name) });
    await vi.waitFor(() => expect(a.changes.live).toBe(true), { timeout: 10_000 });

    const url = `/api/public/coalitions/${seed.coalition.slug}/candidates?jurisdiction=${wayne}`;
    const answer = async () => (await a.inject({ method: 'GET', url })).body;
    const oracle = async () =>
      JSON.stringify(
        z.encode(publicCandidatesSchema, await slowCoalitionCandidates(db, seed.coalition.slug, wayne)),
      );
    const first = await answer();
    expect(first).toBe(await oracle());
    const builds = publicIndexStats.builds;

    // A ballot cast on B: A hears of it (the coalition's notification), and keeps its index.
    const [red] = seed.members;
    if (!red) throw new Error('no member');
    const delegate = await createTestUser(db, seed.coalition.slug, 'delegate', red.id);
    const delegateSession = await signInOverHttp(b.base, delegate);
    const stamp = a.changes.stamp(seed.coalition.id);
    const cast = await fetch(`${b.base}/api/decisions/${motion.id}/ballots/${red.id}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        cookie: delegateSession.cookie,
        'x-csrf-token': delegateSession.csrfToken,
      },
      body: JSON.stringify({ choice: 'yes' }),
    });
    expect(cast.status).toBeLessThan(300);
    await vi.waitFor(() => expect(a.changes.stamp(seed.coalition.id)).not.toBe(stamp), { timeout: 5_000 });
    expect(await answer()).toBe(first);
    expect(publicIndexStats.builds).toBe(builds);

    // A member renamed on B: A's next answers carry the new name.
    const staff = await createTestUser(db, seed.coalition.slug, 'admin');
    const staffSession = await signInOverHttp(b.base, staff);
    const renamed = await fetch(`${b.base}/api/organizations/${red.id}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        cookie: staffSession.cookie,
        'x-csrf-token': staffSession.csrfToken,
      },
      body: JSON.stringify({ name: 'Lakeshore Labor United' }),
    });
    expect(renamed.status).toBe(200);
    await vi.waitFor(async () => expect(await answer()).toContain('Lakeshore Labor United'), {
      timeout: 5_000,
      interval: 50,
    });
    expect(await answer()).toBe(await oracle());
    expect(publicIndexStats.builds).toBe(builds + 1);
  }, 300_000);
});
