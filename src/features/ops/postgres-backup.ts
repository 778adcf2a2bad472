import { spawn } from 'node:child_process';
import pg from 'pg';
import { DomainError } from '../../core/errors.ts';

/**
 * PostgreSQL: a backup is `pg_dump --format=custom`, a restore `pg_restore` in one transaction,
 * both the binaries of the machine's PostgreSQL client tools (their version must be at least the
 * server's). A restore goes into an empty database unless forced (`--clean --if-exists`).
 */

function run(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') return reject(error);
      reject(
        new DomainError(
          'unprocessable',
          'backup.tool_missing',
          `${tool} was not found on this machine: install the PostgreSQL client tools of the server's version (e.g. apt-get install postgresql-client) and put them on PATH`,
        ),
      );
    });
    child.on('close', (code) => {
      if (code === 0) return resolve();
      reject(
        new DomainError(
          'unprocessable',
          'backup.tool_failed',
          `${tool} failed (exit ${code}): ${stderr.trim()}`,
        ),
      );
    });
  });
}

export async function backupPostgres(url: string, file: string): Promise<void> {
  await run('pg_dump', [
    '--format=custom',
    '--no-owner',
    '--no-privileges',
    `--file=${file}`,
    `--dbname=${url}`,
  ]);
}

/** Tables in the public schema: none means an empty database. */
async function countTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end();
  }
}

export async function restorePostgres(url: string, file: string, options: { force: boolean }): Promise<void> {
  if (!options.force && (await countTables(url)) > 0) {
    throw new DomainError(
      'conflict',
      'restore.not_empty',
      'the database named by DATABASE_URL already has tables: restore into an empty database, or give --force to replace them',
    );
  }
  await run('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    ...(options.force ? ['--clean', '--if-exists'] : []),
    `--dbname=${url}`,
    file,
  ]);
}
