import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DomainError, notFound } from '../../core/errors.ts';
import { acquireDataDirLock, lockFileName } from '../../db/data-dir-lock.ts';

/**
 * Embedded PGlite: a backup is PGlite's own dump of its data directory (`dumpDataDir`, a gzipped
 * tarball), taken with the directory closed to everyone else; a restore starts PGlite on an empty
 * directory from that tarball (`loadDataDir`). Both hold the data-directory lock (src/db/data-dir-lock.ts)
 * for their whole run: a running server refuses them, and a server started meanwhile is refused.
 */

/** Files in a data directory that are not the database itself. */
const notData = new Set([lockFileName]);

export function hasDatabase(dataDir: string): boolean {
  return existsSync(dataDir) && readdirSync(dataDir).some((name) => !notData.has(name));
}

export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw notFound('backup.no_database', `No PGlite database in ${dataDir}.`);
  }
  const lock = acquireDataDirLock(dataDir, 'command');
  try {
    const pglite = await PGlite.create(dataDir);
    try {
      const dump = await pglite.dumpDataDir('gzip');
      const bytes = new Uint8Array(await dump.arrayBuffer());
      await writeFile(file, bytes);
      return { bytes: bytes.byteLength };
    } finally {
      await pglite.close();
    }
  } finally {
    lock.release();
  }
}

export async function restorePglite(
  dataDir: string,
  file: string,
  options: { force: boolean },
): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir, 'command');
  try {
    if (hasDatabase(dataDir)) {
      if (!options.force) {
        throw new DomainError(
          'conflict',
          'restore.not_empty',
          `${dataDir} already holds a database: restore into an empty directory, or give --force to replace it`,
        );
      }
      // Everything but our own lock, which keeps the directory ours while it is empty.
      for (const name of readdirSync(dataDir)) {
        if (!notData.has(name)) rmSync(join(dataDir, name), { recursive: true, force: true });
      }
    }
    const tarball = new Blob([await readFile(file)]);
    const pglite = await PGlite.create(dataDir, { loadDataDir: tarball });
    await pglite.close();
    // The tarball carries the lock of the process that took the backup, which may have just
    // replaced ours: a lock naming someone else's pid would only confuse the next reader.
    const lockPath = join(dataDir, lockFileName);
    if (existsSync(lockPath) && !readFileSync(lockPath, 'utf8').includes(`"pid":${process.pid},`)) {
      rmSync(lockPath, { force: true });
    }
  } finally {
    lock.release();
  }
}
