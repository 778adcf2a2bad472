import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { verifyAuditChain } from '../../src/features/audit/index.ts';
import { createDecision } from '../../src/features/decisions/index.ts';
import { createTestUser } from '../helpers/factories.ts';
import { inTx, seedCoalition } from '../helpers/governance.ts';
import { admin, adminUrl, databaseUrl, dropDatabase, postgresAnswers } from '../helpers/postgres-admin.ts';
import { type ServedConcord, serveConcord } from '../helpers/processes.ts';

const available = await postgresAnswers();
if (!available) console.warn(`two-servers test skipped: no PostgreSQL answers at ${adminUrl}`);

describe.skipIf(!available)('two app servers on one PostgreSQL', () => {
  const name = `concord_two_servers_${Date.now()}`;
  let handle: DatabaseHandle;
  let url: string;
  const servers: ServedConcord[] = [];

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    url = databaseUrl(name);
    handle = await connect({ kind: 'postgres', url });
    await migrateToLatest(handle.db);
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) {
      server.server.child.kill('SIGTERM');
      await server.server.exited;
    }
    await handle?.close();
    await dropDatabase(name);
  }, 60_000);

  async function startServer() {
    const served = await serveConcord({ DATABASE_URL: url, CONCORD_CLOSE_INTERVAL_MS: '300' });
    servers.push(served);
    return served;
  }

  it('shares sessions and data, and closes a decision once while both run the close job', async () => {
    const { db } = handle;
    const seed = await seedCoalition(db, [
      { name: 'Red Party' },
      { name: 'Green Wave' },
      { name: 'Blue Union' },
    ]);
    const red = seed.members[0];
    if (!red) throw new Error('no member');
    const delegate = await createTestUser(db, seed.coalition.slug, 'delegate', red.id);
    // The window ends while both servers run.
    const closesAt = new Date(Date.now() + 120_000 + 30_000);
    const decision = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, {
        kind: 'motion',
        title: 'Adopt the platform',
        closesAt: closesAt.toISOString(),
      }),
    );

    const a = await startServer();
    const b = await startServer();

    // Sign in on A.
    const login = await fetch(`${a.base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: delegate.email, password: delegate.password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const session = (await (await fetch(`${a.base}/api/session`, { headers: { cookie } })).json()) as {
      csrfToken: string;
    };

    // Write on B with the session made on A.
    const cast = await fetch(`${b.base}/api/decisions/${decision.id}/ballots/${red.id}`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ choice: 'yes' }),
    });
    expect(cast.status, await cast.clone().text()).toBe(200);
    const { receipt } = (await cast.json()) as { receipt: string };

    // Read on both.
    for (const server of [a, b]) {
      const view = (await (
        await fetch(`${server.base}/api/decisions/${decision.id}`, { headers: { cookie } })
      ).json()) as {
        phase: string;
        participation: { voted: number };
        myBallot: { receipt: string } | null;
      };
      expect(view).toMatchObject({ phase: 'open', participation: { voted: 1 }, myBallot: { receipt } });
    }

    // Both close jobs run every 300 ms: bring the deadline to now, then wait for the stored close.
    await db
      .updateTable('decisions')
      .set({ closes_at: new Date(Date.now() + 1_000) })
      .where('id', '=', decision.id)
      .execute();
    const deadline = Date.now() + 60_000;
    let status = 'open';
    while (status !== 'closed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = (
        await db
          .selectFrom('decisions')
          .select('status')
          .where('id', '=', decision.id)
          .executeTakeFirstOrThrow()
      ).status;
    }
    expect(status).toBe('closed');
    // Give the other server's job a few more rounds to (wrongly) close it again.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('coalition_id', '=', seed.coalition.id)
      .where('action', '=', 'decision.closed')
      .execute();
    expect(events).toHaveLength(1);
    expect((await verifyAuditChain(db, seed.coalition.id)).ok).toBe(true);
    const logs = servers.map((s) => s.server.output()).join('\n');
    expect(logs.match(/closed 1 decision/g)).toHaveLength(1);
    for (const server of [a, b]) {
      const view = (await (
        await fetch(`${server.base}/api/decisions/${decision.id}`, { headers: { cookie } })
      ).json()) as {
        phase: string;
        outcome: string | null;
      };
      expect(view.phase).toBe('closed');
    }
  }, 400_000);
});
