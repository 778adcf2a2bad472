/**
 * Two real `concord serve` processes on one PostgreSQL database (issue 14): a session made on one is
 * honoured by the other, a write on one is read on both, and a decision whose window ends while
 * both run their close job is closed once, with one `decision.closed` audit event.
 * Needs PostgreSQL on 127.0.0.1:5432 (user postgres); skipped with a message otherwise.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { verifyAuditChain } from '../../src/features/audit/index.ts';
import { createDecision } from '../../src/features/decisions/index.ts';
import { createTestUser } from '../helpers/factories.ts';
import { inTx, seedCoalition } from '../helpers/governance.ts';
import { type ConcordProcess, freePort, startConcord } from '../helpers/processes.ts';

const adminUrl = process.env.TWO_SERVERS_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const available = await postgresAnswers();
if (!available) console.warn(`two-servers test skipped: no PostgreSQL answers at ${adminUrl}`);

describe.skipIf(!available)('two app servers on one PostgreSQL', () => {
  const name = `concord_two_servers_${Date.now()}`;
  let handle: DatabaseHandle;
  let url: string;
  const servers: { process: ConcordProcess; base: string }[] = [];

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const target = new URL(adminUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    handle = await connect({ kind: 'postgres', url });
    await migrateToLatest(handle.db);
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) {
      server.process.child.kill('SIGTERM');
      await server.process.exited;
    }
    await handle?.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }, 60_000);

  async function startServer() {
    const port = await freePort();
    const process = startConcord(['serve'], {
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      COOKIE_SECURE: 'false',
      CONCORD_CLOSE_INTERVAL_MS: '300',
    });
    // One at a time: the first applies the migrations (already applied here), the second finds none.
    await process.waitFor(/Concord is running/, 120_000);
    const server = { process, base: `http://127.0.0.1:${port}` };
    servers.push(server);
    return server;
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
    const logs = servers.map((s) => s.process.output()).join('\n');
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
