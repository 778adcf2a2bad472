/**
 * `concord pact run` as a durable job (docs/decisions/0017) while a server runs. PostgreSQL: the
 * CLI's run is the same pg-boss job the web app queues, so a running server takes it (`--no-wait`:
 * the CLI does not work the queue), and when the CLI waits, whichever of the two takes the job,
 * the run completes once. Embedded PGlite: the server holds the data directory, so the CLI refuses
 * with a line that says where to start the run instead. PostgreSQL cases skip with a message when
 * no server answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseTarget } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { verifyAuditChain } from '../../src/features/audit/index.ts';
import { registerPactCommands } from '../../src/features/pacts/cli/pacts.cli.ts';
import { seedBigPact } from '../helpers/big-pact.ts';
import { admin, adminUrl, databaseUrl, dropDatabase, postgresAnswers } from '../helpers/postgres-admin.ts';
import { type ConcordProcess, killHard, serveConcord } from '../helpers/processes.ts';
import { runConcord } from '../helpers/run-concord.ts';
import { withDatabase } from '../helpers/test-database.ts';

const concord = (...args: string[]) => runConcord(registerPactCommands, 'pact', ...args);
/** Small enough that both modes finish in a second or two. */
const size = { races: 40, members: 4, seed: 3 };

/** Migrates, seeds a pact, and returns the CLI options that act as its staff. */
async function seed(target: DatabaseTarget) {
  return withDatabase(target, async (db) => {
    await migrateToLatest(db);
    const seeded = await seedBigPact(db, size);
    const { slug } = await db
      .selectFrom('coalitions')
      .select('slug')
      .where('id', '=', seeded.coalitionId)
      .executeTakeFirstOrThrow();
    return { ...seeded, staffArgs: ['--coalition', slug, '--as', seeded.staff.email] };
  });
}

async function startServer(env: Record<string, string | undefined>) {
  return (await serveConcord(env)).server;
}

/** The CLI runs in this process and opens the database the environment names. */
function useCliEnvironment() {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, CONCORD_DATA_DIR: process.env.CONCORD_DATA_DIR };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  return (env: { DATABASE_URL?: string; CONCORD_DATA_DIR?: string }) => {
    delete process.env.DATABASE_URL;
    Object.assign(process.env, env);
  };
}

const available = await postgresAnswers();
if (!available) console.warn(`CLI pact-run job test on PostgreSQL skipped: no server at ${adminUrl}`);

describe.skipIf(!available)('concord pact run with a server on PostgreSQL', () => {
  const name = `concord_cli_run_${Date.now()}`;
  const url = databaseUrl(name);
  const target = { kind: 'postgres', url } as const;
  const cliEnv = useCliEnvironment();
  let server: ConcordProcess | undefined;

  beforeEach(() => cliEnv({ DATABASE_URL: url }));
  afterAll(async () => {
    if (server) await killHard(server);
    await dropDatabase(name);
  }, 60_000);

  it('a queued run (--no-wait) is taken by the server; a waited run completes once', async () => {
    await admin(`CREATE DATABASE ${name}`);
    const seeded = await seed(target);
    server = await startServer({ DATABASE_URL: url });

    const queued = await concord('run', 'Big pact', ...seeded.staffArgs, '--no-wait', '--json');
    expect(queued.exitCode, queued.stderr).toBe(0);
    const run = JSON.parse(queued.stdout);
    expect(run).toMatchObject({ status: 'queued', version: null });
    // The CLI returned without working the queue: the server took the job.
    await server.waitFor(new RegExp(`pact run ${run.id}: attempt 1 started`), 60_000);
    // One run of a pact at a time: the next waits for this one's end.
    const statusOf = (db: Db) =>
      db.selectFrom('pact_runs').select('status').where('id', '=', run.id).executeTakeFirstOrThrow();
    await withDatabase(target, async (db) => {
      let { status } = await statusOf(db);
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; { status } = await statusOf(db)) {
        if (status !== 'queued' && status !== 'running') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe('succeeded');
    });

    const waited = await concord('run', 'Big pact', ...seeded.staffArgs, '--exact', '--json');
    expect(waited.exitCode, waited.stderr).toBe(0);
    const exact = JSON.parse(waited.stdout);
    expect(exact).toMatchObject({ status: 'succeeded', mode: 'exact', version: { number: 2 } });

    await withDatabase(target, async (db) => {
      const versions = await db
        .selectFrom('pact_versions')
        .select(['number', 'run_id'])
        .where('pact_id', '=', seeded.pactId)
        .orderBy('number')
        .execute();
      expect(versions).toEqual([
        { number: 1, run_id: run.id },
        { number: 2, run_id: exact.id },
      ]);
      const events = await db
        .selectFrom('audit_events')
        .select(['action', 'payload'])
        .where('coalition_id', '=', seeded.coalitionId)
        .where('action', 'in', ['pact.version_created', 'pact.run_failed'])
        .execute();
      expect(events.map((e) => [e.action, (e.payload as { runId: string }).runId])).toEqual([
        ['pact.version_created', run.id],
        ['pact.version_created', exact.id],
      ]);
      expect((await verifyAuditChain(db, seeded.coalitionId)).ok).toBe(true);
      const jobs = await sql<{ key: string; state: string; retries: number }>`
        select singleton_key as key, state, retry_count as retries from pgboss.job
        where name = 'pact-runs' order by created_on`.execute(db);
      expect(jobs.rows).toEqual([
        { key: run.id, state: 'completed', retries: 0 },
        { key: exact.id, state: 'completed', retries: 0 },
      ]);
    });
  }, 300_000);
});

describe('concord pact run while a server holds embedded PGlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-cli-run-'));
  const target = { kind: 'pglite', dataDir } as const;
  const cliEnv = useCliEnvironment();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses and says where to start the run; --no-wait alone is refused too', async () => {
    const seeded = await seed(target);
    cliEnv({ CONCORD_DATA_DIR: dataDir });
    const server = await startServer({ CONCORD_DATA_DIR: dataDir, DATABASE_URL: undefined });
    try {
      const refused = await concord('run', 'Big pact', ...seeded.staffArgs);
      expect(refused.exitCode).toBe(3);
      expect(refused.stderr).toContain(
        `error: the server (pid ${server.child.pid}) holds this database and runs pact runs itself: start the run of "Big pact" in the web app`,
      );
      expect(refused.stderr).toContain('[pact.run_server_holds_database]');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    // Without a server nobody would run a job left queued: the CLI runs it, or says so.
    const noWait = await concord('run', 'Big pact', ...seeded.staffArgs, '--no-wait');
    expect(noWait.exitCode).toBe(2);
    expect(noWait.stderr).toContain('[pact.run_needs_worker]');
    const versions = await withDatabase(target, (db) =>
      db.selectFrom('pact_runs').select('id').where('pact_id', '=', seeded.pactId).execute(),
    );
    expect(versions).toEqual([]);
  }, 300_000);
});
