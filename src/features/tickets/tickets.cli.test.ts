import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, type Seed, seedCoalition } from '../../../test/helpers/governance.ts';
import { runConcord } from '../../../test/helpers/run-concord.ts';
import { createTestDatabase } from '../../../test/helpers/test-database.ts';
import { connect, type DatabaseHandle } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { updateOrganization } from '../registry/index.ts';
import { registerTicketCommands } from './tickets.cli.ts';

const concord = (...args: string[]) => runConcord(registerTicketCommands, ...args);

/** The CLI opens the database the environment names: a PGlite directory here (or a server database). */
describe('concord tickets', () => {
  const env = { DATABASE_URL: process.env.DATABASE_URL, CONCORD_DATA_DIR: process.env.CONCORD_DATA_DIR };
  let server: DatabaseHandle | undefined;
  let directory: string | undefined;
  let seed: Seed;
  let staff: string[];
  let delegateEmail: string;

  beforeAll(async () => {
    let handle: DatabaseHandle;
    if (env.DATABASE_URL) {
      server = await createTestDatabase();
      handle = server;
      process.env.DATABASE_URL = server.target.kind === 'postgres' ? server.target.url : '';
    } else {
      directory = await mkdtemp(join(tmpdir(), 'concord-tickets-cli-'));
      handle = await connect({ kind: 'pglite', dataDir: directory });
      await migrateToLatest(handle.db);
      process.env.CONCORD_DATA_DIR = directory;
    }
    seed = await seedCoalition(handle.db, [
      { name: 'Left One' },
      { name: 'Left Two' },
      { name: 'Right One' },
    ]);
    const positions = [-0.5, -0.2, 0.5];
    for (const [i, m] of seed.members.entries())
      await handle.db
        .transaction()
        .execute((trx) => updateOrganization(trx, seed.admin, m.id, { position: positions[i] ?? null }));
    delegateEmail = (await createActor(handle.db, seed.coalition.id, 'delegate', seed.members[0]?.id ?? null))
      .email;
    staff = ['--coalition', seed.coalition.slug, '--as', seed.secretariat.email];
    if (!server) await handle.close();
  }, 120_000);

  afterAll(async () => {
    process.env.DATABASE_URL = env.DATABASE_URL;
    process.env.CONCORD_DATA_DIR = env.CONCORD_DATA_DIR;
    await server?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('turns the split rule on, sets a ticket, refuses a same-side ticket (exit 3, naming the cycle), lists them as JSON', async () => {
    expect(
      (
        await concord(
          'tickets',
          'settings',
          '--split-ticket',
          'on',
          '--coalition',
          seed.coalition.slug,
          '--as',
          seed.admin.email,
        )
      ).exitCode,
    ).toBe(0);
    const set = await concord(
      'tickets',
      'set',
      '--cycle',
      '2028',
      '--top',
      'Ada=Left One',
      '--second',
      'Ben=Right One',
      ...staff,
    );
    expect(set.exitCode).toBe(0);
    expect(set.stdout).toContain('2028 us_president accepted');
    const refused = await concord(
      'tickets',
      'set',
      '--cycle',
      '2032',
      '--top',
      'Cy=Left Two',
      '--second',
      'Dee=Left One',
      ...staff,
    );
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('2028');
    const dry = await concord(
      'tickets',
      'set',
      '--cycle',
      '2032',
      '--top',
      'Cy=Right One',
      '--second',
      'Dee=Left One',
      ...staff,
      '--dry-run',
    );
    expect(dry.exitCode).toBe(0);
    const list = await concord('tickets', 'list', '--coalition', seed.coalition.slug, '--json');
    expect(list.stderr).not.toContain('error');
    expect(JSON.parse(list.stdout).map((t: { cycle: number }) => t.cycle)).toEqual([2028]);
    const delegate = await concord(
      'tickets',
      'set',
      '--cycle',
      '2036',
      '--top',
      'Cy=Right One',
      '--second',
      'Dee=Left One',
      '--coalition',
      seed.coalition.slug,
      '--as',
      delegateEmail,
    );
    expect(delegate.exitCode).toBe(3);
  });
});
