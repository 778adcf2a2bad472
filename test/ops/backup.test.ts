import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle, DatabaseTarget } from '../../src/db/connect.ts';
import { lockFileName } from '../../src/db/data-dir-lock.ts';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { verifyAuditChain } from '../../src/features/audit/index.ts';
import { backupDatabase, restoreDatabase } from '../../src/features/ops/backup.service.ts';
import { codeOf, seedCoalition } from '../helpers/governance.ts';
import { createTestDatabase, withDatabase } from '../helpers/test-database.ts';

const root = join(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'concord-backup-'));
const serverUrl = process.env.DATABASE_URL;
const opened: DatabaseHandle[] = [];
afterAll(async () => {
  for (const handle of opened) await handle.close();
  rmSync(work, { recursive: true, force: true });
});

/** A new, empty database of the driver under test: a data directory, or a database on the server. */
async function emptyDatabase(): Promise<DatabaseTarget> {
  if (serverUrl) {
    const handle = await createTestDatabase({ migrate: false });
    opened.push(handle);
    return handle.target;
  }
  return { kind: 'pglite', dataDir: mkdtempSync(join(work, 'data-')) };
}

/** Every table's row count and a hash of its rows in a fixed order: equal snapshots, equal data. */
async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const result: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: number; hash: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as hash
      from ${sql.table(name)} t`.execute(db);
    result[name] = `${rows[0]?.n}:${rows[0]?.hash}`;
  }
  return result;
}

const concord = (args: string[], env: Record<string, string | undefined>) =>
  spawnSync(process.execPath, [join(root, 'bin/concord.js'), ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });

describe(`backup and restore (${serverUrl ? 'PostgreSQL' : 'PGlite'})`, { timeout: 180_000 }, () => {
  let source: DatabaseTarget;
  let coalitionId = '';
  let before: Record<string, string> = {};
  const file = join(work, serverUrl ? 'concord.dump' : 'concord.tar.gz');

  it('round trip: a coalition backed up and restored into a new place has the same rows and an intact audit chain', async () => {
    source = await emptyDatabase();
    await withDatabase(source, async (db) => {
      await migrateToLatest(db);
      const seed = await seedCoalition(db, [
        { name: 'Harbor Greens' },
        { name: 'Valley Labor', strength: 250 },
      ]);
      coalitionId = seed.coalition.id;
      before = await snapshot(db);
    });
    expect(Number(before.audit_events?.split(':')[0])).toBeGreaterThan(3);

    expect(await backupDatabase(source, file)).toBe(serverUrl ? 'postgres' : 'pglite');
    const copy = await emptyDatabase();
    await restoreDatabase(copy, file, { force: false });

    await withDatabase(copy, async (db) => {
      expect(await snapshot(db)).toEqual(before);
      const report = await verifyAuditChain(db, coalitionId);
      expect(report.ok).toBe(true);
      expect(report.events).toBe(Number(before.audit_events?.split(':')[0]));
      // The restored database is a working one: migrations find nothing to do, writes go through.
      expect(await migrateToLatest(db)).toEqual([]);
    });
  });

  it('restores only into an empty database unless forced, and --force replaces what is there', async () => {
    const target = await emptyDatabase();
    await restoreDatabase(target, file, { force: false });
    await withDatabase(target, (db) =>
      db.updateTable('coalitions').set({ name: 'Changed since' }).where('id', '=', coalitionId).execute(),
    );
    expect(await codeOf(restoreDatabase(target, file, { force: false }))).toBe('restore.not_empty');
    await restoreDatabase(target, file, { force: true });
    await withDatabase(target, async (db) => {
      expect(await snapshot(db)).toEqual(before);
      expect((await verifyAuditChain(db, coalitionId)).ok).toBe(true);
    });
  });

  it('refuses a backup of the other driver and a file that is no backup', async () => {
    const other: DatabaseTarget = serverUrl
      ? { kind: 'pglite', dataDir: join(work, 'never') }
      : { kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' };
    expect(await codeOf(restoreDatabase(other, file, { force: false }))).toBe('restore.wrong_format');
    const junk = join(work, 'junk.txt');
    writeFileSync(junk, 'hello');
    expect(await codeOf(restoreDatabase(await emptyDatabase(), junk, { force: false }))).toBe(
      'restore.not_a_backup',
    );
  });

  it.skipIf(serverUrl)(
    'refuses to back up or restore a data directory that a running process holds',
    async () => {
      if (source.kind !== 'pglite') throw new Error('PGlite only');
      const lock = join(source.dataDir, lockFileName);
      writeFileSync(
        lock,
        JSON.stringify({ pid: process.pid, holder: 'server', since: new Date().toISOString() }),
      );
      try {
        expect(await codeOf(backupDatabase(source, join(work, 'held.tar.gz')))).toBe('database.locked');
        expect(await codeOf(restoreDatabase(source, file, { force: true }))).toBe('database.locked');
        expect(existsSync(join(work, 'held.tar.gz'))).toBe(false);
      } finally {
        rmSync(lock);
      }
    },
  );

  it('the CLI backs up and restores, and says so when pg_dump is missing', async () => {
    const target = await emptyDatabase();
    const envOf = (t: DatabaseTarget) =>
      t.kind === 'postgres'
        ? { DATABASE_URL: t.url }
        : { DATABASE_URL: undefined, CONCORD_DATA_DIR: t.kind === 'pglite' ? t.dataDir : '' };
    const cliFile = join(work, serverUrl ? 'cli.dump' : 'cli.tar.gz');
    const backup = concord(['backup', cliFile], envOf(source));
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const restore = concord(['restore', cliFile], envOf(target));
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('restored');
    const again = concord(['restore', cliFile], envOf(target));
    expect(again.status).toBe(3);
    expect(again.stderr).toContain('[restore.not_empty]');

    const noTools = concord(['backup', join(work, 'x.dump')], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      PATH: '/nonexistent',
    });
    expect(noTools.status).toBe(3);
    expect(noTools.stderr).toContain('pg_dump was not found on this machine');
  });
});
