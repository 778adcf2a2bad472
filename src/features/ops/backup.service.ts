import { open } from 'node:fs/promises';
import { DomainError, notFound } from '../../core/errors.ts';
import type { DatabaseTarget } from '../../db/connect.ts';
import { backupPglite, restorePglite } from './pglite-backup.ts';
import { backupPostgres, restorePostgres } from './postgres-backup.ts';

/**
 * `concord backup` and `concord restore`: whole-database copies for the driver in use. Each
 * driver has its own format (PGlite's data-directory tarball, pg_dump's custom format); a restore
 * reads the file's first bytes and refuses one made by the other driver.
 */
export type BackupFormat = 'pglite' | 'postgres';

export async function backupDatabase(target: DatabaseTarget, file: string): Promise<BackupFormat> {
  if (target.kind === 'postgres') {
    await backupPostgres(target.url, file);
    return 'postgres';
  }
  if (target.kind === 'memory') throw new Error('an in-memory database has nothing to back up');
  await backupPglite(target.dataDir, file);
  return 'pglite';
}

export async function restoreDatabase(
  target: DatabaseTarget,
  file: string,
  options: { force: boolean },
): Promise<BackupFormat> {
  const format = await formatOf(file);
  const wanted: BackupFormat = target.kind === 'postgres' ? 'postgres' : 'pglite';
  if (format !== wanted) {
    throw new DomainError(
      'invalid',
      'restore.wrong_format',
      format === 'pglite'
        ? `${file} is a backup of embedded PGlite: restore it without DATABASE_URL (into CONCORD_DATA_DIR)`
        : `${file} is a pg_dump backup of PostgreSQL: restore it with DATABASE_URL set`,
    );
  }
  if (target.kind === 'postgres') await restorePostgres(target.url, file, options);
  else if (target.kind === 'pglite') await restorePglite(target.dataDir, file, options);
  else throw new Error('an in-memory database cannot be restored into');
  return format;
}

/** pg_dump's custom format starts with "PGDMP"; PGlite's dump is gzip (1f 8b). */
async function formatOf(file: string): Promise<BackupFormat> {
  const handle = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw notFound('restore.no_file', `No file ${file}.`);
    throw error;
  });
  try {
    const head = Buffer.alloc(5);
    await handle.read(head, 0, 5, 0);
    if (head.toString('latin1') === 'PGDMP') return 'postgres';
    if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  } finally {
    await handle.close();
  }
  throw invalidBackup(file);
}

const invalidBackup = (file: string) =>
  new DomainError(
    'invalid',
    'restore.not_a_backup',
    `${file} is not a Concord backup (neither PGlite nor pg_dump)`,
  );
