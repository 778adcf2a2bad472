import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { registerAuditCommands } from '../../src/features/audit/audit.cli.ts';
import { castBallot } from '../../src/features/decisions/ballots.service.ts';
import { closeDecision } from '../../src/features/decisions/close.service.ts';
import { createDecision } from '../../src/features/decisions/create.service.ts';
import { inTx, memberOf, type Seed, seedCoalition } from '../helpers/governance.ts';
import { runConcord } from '../helpers/run-concord.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

const concord = (...args: string[]) => runConcord(registerAuditCommands, 'audit', ...args);

/**
 * The CLI opens the database the environment names: a fresh server database when DATABASE_URL is
 * set, else an embedded PGlite directory, closed between steps (one process at a time).
 */
describe('concord audit verify and head', () => {
  const env = { DATABASE_URL: process.env.DATABASE_URL, CONCORD_DATA_DIR: process.env.CONCORD_DATA_DIR };
  let server: DatabaseHandle | undefined;
  let directory: string | undefined;
  let seed: Seed;
  let decisionId: string;

  const open = async (): Promise<DatabaseHandle> => {
    if (server) return server;
    return connect({ kind: 'pglite', dataDir: directory ?? '' });
  };
  const release = async (handle: DatabaseHandle) => {
    if (!server) await handle.close();
  };

  beforeAll(async () => {
    if (env.DATABASE_URL) {
      server = await createTestDatabase();
      process.env.DATABASE_URL = server.target.kind === 'postgres' ? server.target.url : '';
    } else {
      directory = await mkdtemp(join(tmpdir(), 'concord-audit-cli-'));
      process.env.CONCORD_DATA_DIR = directory;
    }
    const handle = await open();
    await migrateToLatest(handle.db);
    const db = handle.db;
    seed = await seedCoalition(db, [{ name: 'North' }, { name: 'South' }, { name: 'East' }]);
    const decision = await inTx(db, (trx) =>
      createDecision(trx, seed.secretariat, { kind: 'motion', title: 'Joint list' }),
    );
    decisionId = decision.id;
    for (const i of [0, 1]) {
      const m = memberOf(seed, i);
      await inTx(db, (trx) => castBallot(trx, m.delegate, decision.id, m.id, { choice: 'yes' }));
    }
    await inTx(db, (trx) => closeDecision(trx, seed.secretariat, decision.id));
    await release(handle);
  }, 120_000);

  afterAll(async () => {
    process.env.DATABASE_URL = env.DATABASE_URL;
    process.env.CONCORD_DATA_DIR = env.CONCORD_DATA_DIR;
    await server?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('prints the head, verifies against it, and names a row edited in SQL with exit code 4', async () => {
    const slug = seed.coalition.slug;
    const head = await concord('head', '--coalition', slug);
    expect(head.exitCode).toBe(0);
    expect(head.stdout).toMatch(new RegExp(`^coalition ${slug}\\nseq \\d+\\nhead [0-9a-f]{64}\\nat \\d{4}-`));
    const json = JSON.parse((await concord('head', '--coalition', slug, '--json')).stdout);
    expect(json).toMatchObject({
      coalition: slug,
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const published = `${json.hash}@${json.seq}`;

    const intact = await concord('verify', '--coalition', slug, '--head', published);
    expect(intact.exitCode).toBe(0);
    expect(intact.stdout).toMatch(/chain intact/);
    expect(intact.stdout).toMatch(/rows: (\d+) of \1 match the chain/);

    const handle = await open();
    await sql`update decisions set outcome = 'rejected' where id = ${decisionId}`.execute(handle.db);
    await release(handle);
    const tampered = await concord('verify', '--coalition', slug, '--head', published);
    expect(tampered.exitCode).toBe(4);
    expect(tampered.stdout).toContain(
      `UNEXPLAINED decisions row ${decisionId} was changed outside the application`,
    );

    const badHead = await concord('verify', '--coalition', slug, '--head', 'not-a-head');
    expect(badHead.exitCode).toBe(2);
  });
});
