import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Seed, seedCoalition } from '../../../test/helpers/governance.ts';
import { runConcord } from '../../../test/helpers/run-concord.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { connect, type DatabaseHandle } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { registerDecisionCommands } from './decisions.cli.ts';

const concord = (...args: string[]) => runConcord(registerDecisionCommands, 'decision', ...args);

/** The CLI opens the database the environment names (a server database, or a PGlite directory). */
describe('concord decision create --secret', () => {
  const env = { DATABASE_URL: process.env.DATABASE_URL, CONCORD_DATA_DIR: process.env.CONCORD_DATA_DIR };
  let server: DatabaseHandle | undefined;
  let directory: string | undefined;
  let seed: Seed;

  beforeAll(async () => {
    let handle: DatabaseHandle;
    if (env.DATABASE_URL) {
      server = await createTestDatabase();
      handle = server;
      process.env.DATABASE_URL = server.target.kind === 'postgres' ? server.target.url : '';
    } else {
      directory = await mkdtemp(join(tmpdir(), 'concord-decision-cli-'));
      handle = await connect({ kind: 'pglite', dataDir: directory });
      await migrateToLatest(handle.db);
      process.env.CONCORD_DATA_DIR = directory;
    }
    seed = await seedCoalition(handle.db, [{ name: 'North' }, { name: 'South' }, { name: 'East' }]);
    if (!server) await handle.close();
  }, 120_000);

  afterAll(async () => {
    process.env.DATABASE_URL = env.DATABASE_URL;
    process.env.CONCORD_DATA_DIR = env.CONCORD_DATA_DIR;
    await server?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('refuses a secret ballot three members cannot keep until the secretariat acknowledges it', async () => {
    const args = ['create', '--coalition', seed.coalition.slug, '--as', seed.secretariat.email];
    const refused = await concord(...args, '--kind', 'motion', '--title', 'Small vote', '--secret');
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toMatch(/3 organization\(s\) vote; a secret ballot needs at least 6/);
    expect(refused.stderr).toMatch(/acknowledgeWeakSecrecy/);
    const opened = await concord(
      ...args,
      '--kind',
      'motion',
      '--title',
      'Small vote',
      '--secret',
      '--acknowledge-weak-secrecy',
    );
    expect(opened.exitCode).toBe(0);
    expect(opened.stdout).toMatch(/secret ballot/);
    expect(opened.stdout).toMatch(/secrecy warning \(acknowledged\): 3 organization\(s\) vote/);
  });
});
