/**
 * Durable jobs for imports (docs/supporters.md "Imports run as jobs"): kill -9 the server while an
 * import job writes its rows on embedded PGlite; after a restart the job runs again from the stored
 * file and the import happens once: every row once, one `people.imported` audit event.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseTarget } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createTestUser } from '../helpers/factories.ts';
import { memberOf, seedCoalition } from '../helpers/governance.ts';
import { type ConcordProcess, killHard, startConcord } from '../helpers/processes.ts';
import { signInOverHttp } from '../helpers/test-app.ts';

/** Enough rows that the import is still writing a moment after its job has started. */
const rows = 120_000;
const port = 42221;

function csvOf(count: number): string {
  const lines = ['first_name,last_name,email'];
  for (let i = 0; i < count; i++) lines.push(`First${i},Last${i},person${i}@kill.example`);
  return `${lines.join('\n')}\n`;
}

async function withDb<T>(target: DatabaseTarget, use: (db: Db) => Promise<T>): Promise<T> {
  const handle = await connect(target);
  try {
    return await use(handle.db);
  } finally {
    await handle.close();
  }
}

const peopleOf = (db: Db, organizationId: string) =>
  db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));

describe('kill -9 during an import job', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-import-kill-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('embedded PGlite: after a restart the import completes once', async () => {
    const target = { kind: 'pglite', dataDir } as const;
    const seeded = await withDb(target, async (db) => {
      await migrateToLatest(db);
      const seed = await seedCoalition(db, [{ name: 'Importers' }]);
      const member = memberOf(seed, 0);
      const user = await createTestUser(db, seed.coalition.slug, 'organizer', member.id);
      return { coalitionId: seed.coalition.id, organizationId: member.id, user };
    });
    const start = async () => {
      const server = startConcord(['serve'], {
        CONCORD_DATA_DIR: dataDir,
        DATABASE_URL: undefined,
        PORT: String(port),
        HOST: '127.0.0.1',
        COOKIE_SECURE: 'false',
        LOG_LEVEL: 'info',
      });
      await server.waitFor(/Concord is running/, 120_000);
      return server;
    };
    const base = `http://127.0.0.1:${port}`;

    let running: ConcordProcess | undefined;
    try {
      running = await start();
      const { cookie, csrfToken } = await signInOverHttp(base, seeded.user);
      const requested = await fetch(`${base}/api/people/import-jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ fileName: 'big.csv', csv: csvOf(rows) }),
      });
      expect(requested.status, await requested.clone().text()).toBe(202);
      const importId = ((await requested.json()) as { id: string }).id;

      // The server's log is buffered, so the job's start is not waited for there: its runner takes
      // it within a second of the 202, and the import then writes for several seconds. The state
      // read after the kill shows where it landed (an active job, nothing imported).
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const first = running;
      await killHard(first);
      running = undefined;
      const cut = await withDb(target, async (db) => ({
        people: await peopleOf(db, seeded.organizationId),
        job: await db.selectFrom('jobs').select(['state', 'attempts']).where('key', '=', importId).execute(),
        status: (
          await db
            .selectFrom('people_imports')
            .select('status')
            .where('id', '=', importId)
            .executeTakeFirstOrThrow()
        ).status,
      }));
      // Nothing imported at the cut. On a busy machine the runner may not have taken the job yet
      // (queued, no attempt); normally it was writing (active, first attempt): both must end once.
      expect(cut.people).toBe(0);
      expect([
        JSON.stringify({ job: [{ state: 'active', attempts: 1 }], status: 'running' }),
        JSON.stringify({ job: [{ state: 'created', attempts: 0 }], status: 'queued' }),
      ]).toContain(JSON.stringify({ job: cut.job, status: cut.status }));
      const interrupted = cut.status === 'running';

      running = await start();
      let status: { status: string; report: { imported: number } | null } | undefined;
      for (const deadline = Date.now() + 180_000; Date.now() < deadline; ) {
        const response = await fetch(`${base}/api/people/import-jobs/${importId}`, { headers: { cookie } });
        status = (await response.json()) as typeof status;
        if (status?.status === 'done' || status?.status === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(status).toMatchObject({ status: 'done', report: { imported: rows } });
      running.child.kill('SIGTERM');
      await running.exited;
      running = undefined;

      await withDb(target, async (db) => {
        expect(await peopleOf(db, seeded.organizationId)).toBe(rows);
        const events = await db
          .selectFrom('audit_events')
          .select('action')
          .where('coalition_id', '=', seeded.coalitionId)
          .where('action', '=', 'people.imported')
          .execute();
        expect(events).toHaveLength(1);
        const jobs = await db
          .selectFrom('jobs')
          .select(['state', 'attempts'])
          .where('key', '=', importId)
          .execute();
        expect(jobs).toEqual([{ state: 'completed', attempts: interrupted ? 2 : 1 }]);
      });
    } finally {
      if (running) await killHard(running);
    }
  }, 300_000);
});
