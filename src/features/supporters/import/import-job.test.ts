import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTx, memberOf, seedCoalition } from '../../../../test/helpers/governance.ts';
import { useTestDatabase } from '../../../../test/helpers/test-database.ts';
import type { Actor } from '../../../core/actor.ts';
import type { Db } from '../../../db/database.ts';
import { type JobQueue, LocalJobQueue, openJobQueue } from '../../../jobs/index.ts';
import { syntheticCsvHeader, syntheticCsvLine, syntheticPerson } from '../synthetic.ts';
import {
  getImport,
  getLiveImport,
  type ImportStatus,
  requestImport,
  runImportJob,
} from './import-job.service.ts';
import { enqueueImport, peopleImportQueue, registerImportJobs } from './import-job.ts';

/**
 * Web imports as durable jobs, on the driver DATABASE_URL selects: pg-boss on PostgreSQL, the
 * embedded runner on PGlite. A job is delivered at least once; the import happens once.
 */
const database = useTestDatabase();
const sample = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../samples/${name}`, import.meta.url)), 'utf8');

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (const deadline = Date.now() + 20_000; ; ) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`still waiting: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const countPeople = async (db: Db, actor: Actor) =>
  Number(
    (
      await db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('organization_id', '=', actor.organizationId ?? '')
        .executeTakeFirstOrThrow()
    ).n,
  );

const importEvents = async (db: Db, actor: Actor) =>
  Number(
    (
      await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', 'people.imported')
        .where('coalition_id', '=', actor.coalitionId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`supporters import as a job (${process.env.DATABASE_URL ? 'pg-boss' : 'embedded runner'})`, () => {
  let jobs: JobQueue;
  const outcomes = new Map<string, string[]>();
  let owner: Actor;

  beforeAll(async () => {
    const { db, target } = database();
    const seed = await seedCoalition(db, [{ name: 'Importers' }]);
    owner = memberOf(seed, 0).delegate;
    jobs =
      target.kind === 'postgres'
        ? await openJobQueue(target, db, { superviseSeconds: 1 })
        : new LocalJobQueue(db, { pollMs: 20 });
    registerImportJobs(jobs, db, (message) => {
      const [, id, outcome] = /import (\S+): attempt \d+ (ended|skipped)/.exec(message) ?? [];
      if (id && outcome) outcomes.set(id, [...(outcomes.get(id) ?? []), outcome]);
    });
    await jobs.start();
  }, 30_000);
  afterAll(async () => {
    await jobs.stop();
  });

  const start = (file: string) =>
    inTx(database().db, async (trx) => {
      const requested = await requestImport(trx, owner, { fileName: file, csv: sample(file), preset: null });
      await enqueueImport(jobs, trx, requested);
      return requested;
    });
  const ended = (id: string) =>
    until<ImportStatus>(
      () => inTx(database().db, (trx) => getImport(trx, owner, id)),
      (s) => s.status === 'done' || s.status === 'failed',
    );

  it('imports once when its job is delivered twice', async () => {
    const { db } = database();
    const before = await countPeople(db, owner);
    const requested = await start('fixed.csv');
    const status = await ended(requested.id);
    expect(status).toMatchObject({ status: 'done', report: { committed: true, imported: 5, errorCount: 0 } });
    // The same job again, as after a crash between the commit and the job's acknowledgement.
    await jobs.enqueue(
      peopleImportQueue,
      { importId: requested.id, coalitionId: owner.coalitionId },
      { key: requested.id },
    );
    await until(
      async () => outcomes.get(requested.id) ?? [],
      (seen) => seen.length === 2,
    );
    expect(outcomes.get(requested.id)).toEqual(['ended', 'skipped']);
    expect((await countPeople(db, owner)) - before).toBe(5);
    expect(
      await db.selectFrom('people_import_files').where('import_id', '=', requested.id).selectAll().execute(),
    ).toEqual([]);
  });

  it('imports once when two deliveries run at the same time', async () => {
    const { db } = database();
    const before = await countPeople(db, owner);
    const events = await importEvents(db, owner);
    // Not enqueued: the two deliveries are run by hand, racing.
    const requested = await inTx(db, (trx) =>
      requestImport(trx, owner, { fileName: 'civicrm.csv', csv: sample('civicrm.csv'), preset: null }),
    );
    const results = await Promise.all([
      runImportJob(db, requested.id, { lastAttempt: false }),
      runImportJob(db, requested.id, { lastAttempt: false }),
    ]);
    expect(results.sort()).toEqual(['ended', 'skipped']);
    const status = await inTx(db, (trx) => getImport(trx, owner, requested.id));
    expect(status.status).toBe('done');
    expect((await countPeople(db, owner)) - before).toBe(status.report?.imported);
    expect(await importEvents(db, owner)).toBe(events + 1);
  });

  it('shows a running import’s progress from memory, with no database read (on PGlite the import holds the only connection)', async () => {
    const { db } = database();
    const seed = await seedCoalition(db, [{ name: 'Other member' }]);
    const other = memberOf(seed, 0).delegate;
    // Progress is reported every 10,000 rows: 30,000 rows give it two chances before the end.
    let csv = syntheticCsvHeader;
    for (let i = 0; i < 30_000; i += 1) csv += syntheticCsvLine(syntheticPerson(700_000 + i));
    // Run by hand (not enqueued), so the test knows when it starts and ends.
    const requested = await inTx(db, (trx) =>
      requestImport(trx, owner, { fileName: 'big.csv', csv, preset: null }),
    );
    expect(getLiveImport(owner, requested.id)).toBeNull();
    let finished = false;
    const run = runImportJob(db, requested.id, { lastAttempt: false }).finally(() => {
      finished = true;
    });
    const seen: number[] = [];
    let strangerRefused = false;
    while (!finished) {
      const live = getLiveImport(owner, requested.id);
      if (live) {
        expect(live).toMatchObject({ status: 'running', fileName: 'big.csv', report: null });
        seen.push(live.progress.rows);
        if (!strangerRefused && live.progress.rows > 0) {
          expect(() => getLiveImport(other, requested.id)).toThrow('No such import');
          strangerRefused = true;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await run).toBe('ended');
    expect(seen.some((rows) => rows > 0 && rows < 30_000)).toBe(true);
    expect(strangerRefused).toBe(true);
    // Ended: the table answers again, with the report.
    expect(getLiveImport(owner, requested.id)).toBeNull();
    const status = await inTx(db, (trx) => getImport(trx, owner, requested.id));
    expect(status).toMatchObject({ status: 'done', report: { imported: 30_000 } });
  }, 180_000);

  it('ends a file with bad rows as failed, with every row error, and changes nothing', async () => {
    const { db } = database();
    const before = await countPeople(db, owner);
    const events = await importEvents(db, owner);
    const requested = await start('with-errors.csv');
    const status = await ended(requested.id);
    expect(status.status).toBe('failed');
    expect(status.report?.committed).toBe(false);
    expect(status.report?.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'email'],
      [4, 'phone'],
      [5, 'county'],
    ]);
    expect(await countPeople(db, owner)).toBe(before);
    expect(await importEvents(db, owner)).toBe(events);
  });

  it('ends a refused file (a protected column mapped in) as failed with the reason, nothing imported', async () => {
    const { db } = database();
    const before = await countPeople(db, owner);
    const csv = 'first_name,last_name,email,religion\nAda,Lovelace,ada@example.org,none\n';
    const requested = await inTx(db, async (trx) => {
      const r = await requestImport(trx, owner, {
        fileName: 'protected.csv',
        csv,
        preset: null,
        mapping: { religion: 'custom:religion' },
      });
      await enqueueImport(jobs, trx, r);
      return r;
    });
    const status = await ended(requested.id);
    expect(status).toMatchObject({
      status: 'failed',
      report: null,
      error: { code: 'people.protected_field' },
    });
    expect(await countPeople(db, owner)).toBe(before);
  });
});
