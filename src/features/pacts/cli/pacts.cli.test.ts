import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useCliDatabase } from '../../../../test/helpers/cli-database.ts';
import { createTestUser } from '../../../../test/helpers/factories.ts';
import { runConcord } from '../../../../test/helpers/run-concord.ts';
import { buildTestApp, injectAs, signIn } from '../../../../test/helpers/test-app.ts';
import { allocate } from '../../../core/allocate/index.ts';
import { type LeftCoalition, seedLeftCoalition } from '../pacts.test-fixtures.ts';
import { registerPactCommands } from './pacts.cli.ts';

const concord = (...args: string[]) => runConcord(registerPactCommands, 'pact', ...args);

/** The CLI opens the database the environment names (test/helpers/cli-database.ts). */
describe('concord pact', () => {
  let seeded: LeftCoalition;
  let staff: string[];
  let emailOf: (organizationId: string) => string;
  let webStaff: { email: string; password: string };
  const name = 'Riverside by CLI';

  const cli = useCliDatabase('pact', async (db) => {
    seeded = await seedLeftCoalition(db);
    const delegates = await db
      .selectFrom('users')
      .innerJoin('coalition_roles', 'coalition_roles.user_id', 'users.id')
      .select(['users.email', 'coalition_roles.organization_id'])
      .where('coalition_roles.coalition_id', '=', seeded.coalition.id)
      .where('coalition_roles.role', '=', 'delegate')
      .execute();
    emailOf = (organizationId) => delegates.find((d) => d.organization_id === organizationId)?.email ?? '';
    staff = ['--coalition', seeded.coalition.slug, '--as', seeded.secretariat.email];
    webStaff = await createTestUser(db, seeded.coalition.slug, 'secretariat');
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

  it('runs as the same durable job as the web app: the same version as POST …/runs, once', async () => {
    // The CLI enqueues the run's job and works the queue while it waits (pg-boss on PostgreSQL,
    // the embedded runner on PGlite).
    const byCli = await concord('run', name, ...staff, '--exact', '--json');
    expect(byCli.exitCode, byCli.stderr).toBe(0);
    const cliRun = JSON.parse(byCli.stdout);
    expect(cliRun).toMatchObject({ status: 'succeeded', mode: 'exact', version: { number: 3 } });

    // The same pact, unchanged, through the HTTP route and the app's own job queue.
    const webRun = await cli.use(async (db) => {
      const app = await buildTestApp(db);
      try {
        const session = await signIn(app, webStaff);
        const pactId: string = cliRun.pactId;
        const started = await injectAs(app, session, {
          method: 'POST',
          url: `/api/pacts/${pactId}/runs`,
          payload: { mode: 'exact' },
        });
        expect(started.statusCode).toBe(202);
        const url = `/api/pacts/${pactId}/runs/${started.json().id}`;
        for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
          const run = (await injectAs(app, session, { method: 'GET', url })).json();
          if (run.status !== 'queued' && run.status !== 'running') return run;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error('the HTTP run did not finish');
      } finally {
        await app.close();
      }
    });
    expect(webRun).toMatchObject({ status: 'succeeded', mode: 'exact', version: { number: 4 } });

    const show = async (n: string) =>
      JSON.parse((await concord('versions', name, ...staff, '--show', n, '--json')).stdout).result;
    const [v3, v4] = [await show('3'), await show('4')];
    expect(v3.assignments).toEqual(v4.assignments);
    expect(v3.expectedWins).toEqual(v4.expectedWins);

    // Exactly once: one version and one audit event for the CLI's run, and its job taken once.
    await cli.use(async (db) => {
      const events = await db
        .selectFrom('audit_events')
        .select('payload')
        .where('coalition_id', '=', seeded.coalition.id)
        .where('action', '=', 'pact.version_created')
        .execute();
      expect(events.filter((e) => (e.payload as { runId?: string }).runId === cliRun.id)).toHaveLength(1);
      const versions = await db
        .selectFrom('pact_versions')
        .select('number')
        .where('run_id', '=', cliRun.id)
        .execute();
      expect(versions).toEqual([{ number: 3 }]);
      const jobs = process.env.DATABASE_URL
        ? (
            await sql<{ state: string; attempts: number }>`
              select state, retry_count + 1 as attempts from pgboss.job where singleton_key = ${cliRun.id}`.execute(
              db,
            )
          ).rows
        : await db.selectFrom('jobs').select(['state', 'attempts']).where('key', '=', cliRun.id).execute();
      expect(jobs).toEqual([{ state: 'completed', attempts: 1 }]);
    });
  });
});
