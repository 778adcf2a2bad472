import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConcord } from '../../../../test/helpers/run-concord.ts';
import { createTestDatabase } from '../../../../test/helpers/test-database.ts';
import { allocate } from '../../../core/allocate/index.ts';
import { connect, type DatabaseHandle } from '../../../db/connect.ts';
import { migrateToLatest } from '../../../db/migrate.ts';
import { type LeftCoalition, seedLeftCoalition } from '../pacts.test-fixtures.ts';
import { registerPactCommands } from './pacts.cli.ts';

const concord = (...args: string[]) => runConcord(registerPactCommands, 'pact', ...args);

/**
 * The CLI opens the database the environment names, so this file seeds one the CLI can open too:
 * a fresh server database when DATABASE_URL is set, else an embedded PGlite directory (closed
 * after seeding: PGlite allows one process at a time).
 */
describe('concord pact', () => {
  const env = { DATABASE_URL: process.env.DATABASE_URL, CONCORD_DATA_DIR: process.env.CONCORD_DATA_DIR };
  let server: DatabaseHandle | undefined;
  let directory: string | undefined;
  let seeded: LeftCoalition;
  let staff: string[];
  let emailOf: (organizationId: string) => string;
  const name = 'Riverside by CLI';

  beforeAll(async () => {
    let handle: DatabaseHandle;
    if (env.DATABASE_URL) {
      server = await createTestDatabase();
      handle = server;
      process.env.DATABASE_URL = server.target.kind === 'postgres' ? server.target.url : '';
    } else {
      directory = await mkdtemp(join(tmpdir(), 'concord-pact-cli-'));
      handle = await connect({ kind: 'pglite', dataDir: directory });
      await migrateToLatest(handle.db);
      process.env.CONCORD_DATA_DIR = directory;
    }
    seeded = await seedLeftCoalition(handle.db);
    const delegates = await handle.db
      .selectFrom('users')
      .innerJoin('coalition_roles', 'coalition_roles.user_id', 'users.id')
      .select(['users.email', 'coalition_roles.organization_id'])
      .where('coalition_roles.coalition_id', '=', seeded.coalition.id)
      .where('coalition_roles.role', '=', 'delegate')
      .execute();
    emailOf = (organizationId) => delegates.find((d) => d.organization_id === organizationId)?.email ?? '';
    staff = ['--coalition', seeded.coalition.slug, '--as', seeded.secretariat.email];
    if (!server) await handle.close();
  }, 120_000);

  afterAll(async () => {
    process.env.DATABASE_URL = env.DATABASE_URL;
    process.env.CONCORD_DATA_DIR = env.CONCORD_DATA_DIR;
    await server?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('creates a pact from the imported races, runs it, locks a race, reruns exactly and compares', async () => {
    const created = await concord(
      'create',
      ...staff,
      '--name',
      name,
      '--election',
      'riverside-2026',
      '--results-from',
      'riverside-2024',
      '--member',
      'Green Left=ECO',
      '--member',
      'Social Party=SOC',
      '--member',
      'Red Front=FI',
      '--member',
      'Communist League=COM',
      '--json',
    );
    expect(created.stderr).not.toContain('error');
    expect(JSON.parse(created.stdout)).toMatchObject({ name, raceCount: 10, status: 'draft' });
    const listed = await concord('list', ...staff, '--limit', '1', '--json');
    expect(JSON.parse(listed.stdout).map((p: { name: string }) => p.name)).toEqual([name]);
    const badLimit = await concord('list', ...staff, '--limit', 'all');
    expect(badLimit.exitCode).toBe(2);
    expect(badLimit.stderr).toContain('--limit takes a whole number from 1 to 500, not "all".');

    const first = await concord('run', name, ...staff, '--json');
    expect(first.exitCode).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: 'succeeded', version: { number: 1 } });

    const lock = await concord(
      'lock',
      name,
      'RS-01',
      'communist-league',
      ...staff,
      '--note',
      'historic seat',
    );
    expect(lock.stdout).toContain('locked Communist League in race RS-01');
    const exact = await concord('run', name, ...staff, '--exact', '--json');
    expect(JSON.parse(exact.stdout)).toMatchObject({
      status: 'succeeded',
      version: { number: 2, mode: 'exact' },
    });

    const compared = JSON.parse((await concord('compare', name, '1', '2', ...staff, '--json')).stdout);
    expect(compared.to.number).toBe(2);
    const v2 = JSON.parse((await concord('versions', name, ...staff, '--show', '2', '--json')).stdout);
    expect(v2.result.assignments['RS-01']).toBe('communist-league');
  });

  it('lets a delegate record consent and refuses staff with exit code 3', async () => {
    const green = seeded.members[0]?.id ?? '';
    const asDelegate = ['--coalition', seeded.coalition.slug, '--as', emailOf(green)];
    const ok = await concord(
      'consent',
      name,
      'RS-02',
      ...asDelegate,
      '--stance',
      'object',
      '--note',
      'branch says no',
    );
    expect(ok.stdout).toBe('Green Left objects to race RS-02\n');
    const refused = await concord('consent', name, 'RS-02', ...staff, '--stance', 'consent');
    expect(refused.exitCode).toBe(3);
    expect(refused.stderr).toContain('[auth.forbidden]');
  });

  it('exports a version as a pact file that concord allocate reruns to the same allocation', async () => {
    const exported = await concord('export', name, '--version', '1', '--coalition', seeded.coalition.slug);
    const v1 = JSON.parse((await concord('versions', name, ...staff, '--show', '1', '--json')).stdout);
    expect(allocate(JSON.parse(exported.stdout)).assignments).toEqual(v1.result.assignments);
  });

  it('runs with --dry-run: prints the report, stores no version', async () => {
    const dry = await concord('run', name, ...staff, '--dry-run', '--json');
    expect(JSON.parse(dry.stdout).expectedWins.pact).toBeGreaterThan(0);
    const versions = (await concord('versions', name, ...staff)).stdout.trim().split('\n');
    expect(versions).toHaveLength(2);
    const shown = await concord('show', name, '--coalition', seeded.coalition.slug);
    expect(shown.stdout).toContain(`${name} [races, draft]`);
    expect(shown.stdout).toMatch(/RS-01 +Riverside ward 1 +Communist League +communist-league/);
  });
});
