import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseHandle, type DatabaseTarget } from '../src/db/connect.ts';
import type { Db } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { verifyAuditChain } from '../src/features/audit/audit.service.ts';
import { createTestUser } from './helpers/factories.ts';
import { seedCoalition } from './helpers/governance.ts';
import { raceCsv } from './helpers/import-files.ts';
import {
  type ConcordProcess,
  killHard,
  type ServedConcord,
  serveConcord,
  startConcord,
} from './helpers/processes.ts';
import { createTestDatabase } from './helpers/test-database.ts';

/**
 * kill -9 of a real server during writes and of a real `concord map import` during its writes,
 * on the driver under test (PGlite data directory, or PostgreSQL when DATABASE_URL is set). After
 * each kill the database opens again, every acknowledged write is there, nothing half-done is,
 * and the audit chain verifies.
 */
const serverUrl = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'concord-kill-'));
const kept: DatabaseHandle[] = [];
afterAll(async () => {
  for (const handle of kept) await handle.close();
  rmSync(work, { recursive: true, force: true });
});

/** A fresh database of the driver under test, migrated. */
async function freshDatabase(): Promise<DatabaseTarget> {
  if (serverUrl) {
    const handle = await createTestDatabase();
    kept.push(handle);
    return handle.target;
  }
  return { kind: 'pglite', dataDir: mkdtempSync(join(work, 'data-')) };
}

/** Opens the database (PGlite: only while no process holds it), runs `use`, closes it again. */
async function open<T>(target: DatabaseTarget, use: (db: Db) => Promise<T>): Promise<T> {
  const handle = await connect(target);
  try {
    await migrateToLatest(handle.db);
    return await use(handle.db);
  } finally {
    await handle.close();
  }
}

const envOf = (target: DatabaseTarget) =>
  target.kind === 'postgres'
    ? { DATABASE_URL: target.url }
    : { CONCORD_DATA_DIR: target.kind === 'pglite' ? target.dataDir : '' };

const count = async (db: Db, query: ReturnType<typeof sql<{ n: number }>>) =>
  Number((await query.execute(db)).rows[0]?.n ?? 0);

const startServer = (target: DatabaseTarget): Promise<ServedConcord> =>
  serveConcord({ ...envOf(target), LOG_LEVEL: 'warn' });

async function signIn(base: string, credentials: { email: string; password: string }) {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return (title: string) =>
    fetch(`${base}/api/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ kind: 'motion', title }),
    });
}

describe(`kill -9 durability (${serverUrl ? 'PostgreSQL' : 'PGlite'})`, { timeout: 600_000 }, () => {
  it('a server killed during writes keeps every acknowledged write, with its audit event, and restarts', async () => {
    const target = await freshDatabase();
    const seeded = await open(target, async (db) => {
      const seed = await seedCoalition(db, [{ name: 'Harbor Greens' }, { name: 'Valley Labor' }]);
      const staff = await createTestUser(db, seed.coalition.slug, 'secretariat');
      const events = await count(db, sql`select count(*)::int as n from audit_events`);
      return { coalitionId: seed.coalition.id, staff, events };
    });

    const { server, base } = await startServer(target);
    const create = await signIn(base, seeded.staff);
    const acknowledged: string[] = [];
    let sent = 0;
    let stop = false;
    const writer = async () => {
      while (!stop) {
        sent += 1;
        const title = `Motion ${sent}`;
        const response = await create(title).catch(() => null);
        if (response?.status === 201) acknowledged.push(title);
      }
    };
    const writers = Array.from({ length: 6 }, writer);
    while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 20));
    await killHard(server);
    stop = true;
    await Promise.all(writers);

    await open(target, async (db) => {
      const titles = (await db.selectFrom('decisions').select('title').execute()).map((d) => d.title);
      // Every write the server acknowledged is there; at most the six in flight may have landed too.
      expect(titles).toEqual(expect.arrayContaining(acknowledged));
      expect(titles.length).toBeLessThanOrEqual(acknowledged.length + 6);
      // Each decision that exists came with its audit event, and the chain verifies.
      const events = await count(db, sql`select count(*)::int as n from audit_events`);
      expect(events - seeded.events).toBe(titles.length);
      expect(await verifyAuditChain(db, seeded.coalitionId)).toMatchObject({ ok: true });
    });

    // The same database serves again.
    const again = await startServer(target);
    const after = await (await signIn(again.base, seeded.staff))('After the restart');
    expect(after.status).toBe(201);
    again.server.child.kill('SIGTERM');
    expect((await again.server.exited).code).toBe(0);
  });

  it('an import killed during its writes leaves nothing of the file, and runs to the end afterwards', async () => {
    const places = 12_000;
    const target = await freshDatabase();
    const { slug, coalitionId } = await open(target, async (db) => {
      const seed = await seedCoalition(db, [{ name: 'Harbor Greens' }]);
      return { slug: seed.coalition.slug, coalitionId: seed.coalition.id };
    });
    const file = join(work, 'wards.csv');
    writeFileSync(file, raceCsv(places));
    const importing = startConcord(['map', 'import', 'races', file, '--coalition', slug], envOf(target));
    await untilWriting(target, importing);
    await killHard(importing);

    const stored = (db: Db) =>
      Promise.all([
        count(db, sql`select count(*)::int as n from jurisdictions where coalition_id = ${coalitionId}`),
        count(db, sql`select count(*)::int as n from races where coalition_id = ${coalitionId}`),
        count(db, sql`select count(*)::int as n from result_votes where coalition_id = ${coalitionId}`),
      ]);
    await open(target, async (db) => {
      expect(await stored(db)).toEqual([0, 0, 0]);
      expect(await verifyAuditChain(db, coalitionId)).toMatchObject({ ok: true });
    });

    const rerunAt = Date.now();
    const rerun = startConcord(['map', 'import', 'races', file, '--coalition', slug], envOf(target));
    expect(await rerun.exited).toEqual({ code: 0, signal: null });
    process.stderr.write(`a whole import took ${Date.now() - rerunAt} ms\n`);
    await open(target, async (db) => {
      expect(await stored(db)).toEqual([places + 1, places + 1, places * 2]);
    });
  });
});

/**
 * Waits until the import is writing rows. PostgreSQL shows its INSERT in pg_stat_activity; PGlite
 * shows it as write-ahead log growing in the data directory.
 */
async function untilWriting(target: DatabaseTarget, importing: ConcordProcess): Promise<void> {
  const started = Date.now();
  const deadline = started + 240_000;
  if (target.kind === 'postgres') {
    const watcher = await connect(target);
    try {
      while (Date.now() < deadline) {
        const writing = await count(
          watcher.db,
          sql`select count(*)::int as n from pg_stat_activity
              where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
                and query ilike 'insert into%'`,
        );
        if (writing > 0) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    } finally {
      await watcher.close();
    }
  } else if (target.kind === 'pglite') {
    // Relation files grow block by block as rows go in (the WAL is flushed only at commit).
    const tableBytes = () =>
      (readdirSync(join(target.dataDir, 'base'), { recursive: true }) as string[])
        .map((name) => statSync(join(target.dataDir, 'base', name)))
        .filter((stat) => stat.isFile())
        .reduce((sum, stat) => sum + stat.size, 0);
    await importing.waitFor(/database: /, 120_000);
    const before = tableBytes();
    while (Date.now() < deadline) {
      if (tableBytes() > before + 2_000_000) {
        process.stderr.write(`import writing after ${Date.now() - started} ms\n`);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error(`the import never started writing:\n${importing.output()}`);
}
