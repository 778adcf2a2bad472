import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, lockFileName } from '../src/db/data-dir-lock.ts';
import { runCli, type ServerProcess, startServer } from './helpers/server-process.ts';

/** Only embedded PGlite has a data directory to lock: these run with DATABASE_URL unset. */
const pgliteOnly = { DATABASE_URL: undefined };

describe('one writer for the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-lock-'));
  const env = { ...pgliteOnly, CONCORD_DATA_DIR: dataDir };
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a CLI write while the server runs, in one line naming the server pid, and writes nothing', async () => {
    server = await startServer(env);
    const refused = await runCli(['coalition', 'create', '--slug', 'while-serving', '--name', 'Lost'], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).not.toContain('created');
    expect(refused.stderr.trim().split('\n')).toEqual([
      `error: the server (pid ${server.pid}) holds this database; stop it, or use the API, or point DATABASE_URL at PostgreSQL [database.locked]`,
    ]);

    expect(await server.stop()).toBe(0);
    server = undefined;
    const listed = await runCli(['coalition', 'list', '--json'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout).map((c: { slug: string }) => c.slug)).not.toContain('while-serving');
  }, 180_000);

  it('takes over the lock of a server killed with -9, and the write lasts', async () => {
    server = await startServer(env);
    server.child.kill('SIGKILL');
    await server.exited;
    server = undefined;
    expect(JSON.parse(readFileSync(join(dataDir, lockFileName), 'utf8')).holder).toBe('server');

    const created = await runCli(['coalition', 'create', '--slug', 'after-crash', '--name', 'Kept'], env);
    expect(created.stderr).not.toContain('error');
    expect(created.code).toBe(0);
    const listed = await runCli(['coalition', 'list', '--json'], env);
    expect(JSON.parse(listed.stdout).map((c: { slug: string }) => c.slug)).toContain('after-crash');
  }, 180_000);
});

describe('backups take the same lock', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-backup-lock-'));
  const backupFile = join(dataDir, '..', `${dataDir.split('/').pop()}.tar.gz`);
  const env = { ...pgliteOnly, CONCORD_DATA_DIR: dataDir };
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(backupFile, { force: true });
  });

  it('refuses `concord backup` in one line while the server runs, and backs up once it stops', async () => {
    server = await startServer(env);
    const refused = await runCli(['backup', backupFile], env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split('\n')).toEqual([
      `error: the server (pid ${server.pid}) holds this database; stop it, or use the API, or point DATABASE_URL at PostgreSQL [database.locked]`,
    ]);
    expect(existsSync(backupFile)).toBe(false);

    expect(await server.stop()).toBe(0);
    server = undefined;
    const backedUp = await runCli(['backup', backupFile], env);
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    expect(statSync(backupFile).size).toBeGreaterThan(0);
    // The backup let go of the directory: the lock is gone and a server starts on it again.
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
  }, 180_000);
});

describe('the lock file', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-lockfile-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is held once, released on close, and then free again', () => {
    const lock = acquireDataDirLock(dataDir, 'command');
    expect(() => acquireDataDirLock(dataDir, 'command')).toThrow(/another concord command \(pid \d+\) holds/);
    lock.release();
    acquireDataDirLock(dataDir, 'server').release();
  });

  it('treats a lock whose pid is gone as stale, and an unreadable one as held', () => {
    // pid 2^22+ is above Linux's pid_max default: no process has it.
    writeFileSync(
      join(dataDir, lockFileName),
      JSON.stringify({ pid: 4_194_999, holder: 'server', since: '' }),
    );
    acquireDataDirLock(dataDir, 'command').release();
    writeFileSync(
      join(dataDir, lockFileName),
      JSON.stringify({ pid: process.pid, holder: 'server', since: '' }),
    );
    expect(() => acquireDataDirLock(dataDir, 'command')).toThrow(`the server (pid ${process.pid}) holds`);
  });
});
