import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DomainError, notFound } from '../../core/errors.ts';
import { lockFileName, refuseIfHeld } from './data-dir-holder.ts';

/**
 * Embedded PGlite: a backup is PGlite's own dump of its data directory (`dumpDataDir`, a gzipped
 * tarball), taken with the directory closed to everyone else; a restore starts PGlite on an empty
 * directory from that tarball (`loadDataDir`).
 */

/** Files in a data directory that are not the database itself. */
const notData = new Set([lockFileName]);

export function hasDatabase(dataDir: string): boolean {
  return existsSync(dataDir) && readdirSync(dataDir).some((name) => !notData.has(name));
}

export async function backupPglite(dataDir: string, file: string): Promise<{ bytes: number }> {
  refuseIfHeld(dataDir, 'back it up (or back up through a PostgreSQL server)');
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    throw notFound('backup.no_database', `No PGlite database in ${dataDir}.`);
  }
  const pglite = await PGlite.create(dataDir);
  try {
    const dump = await pglite.dumpDataDir('gzip');
    const bytes = new Uint8Array(await dump.arrayBuffer());
    await writeFile(file, bytes);
    return { bytes: bytes.byteLength };
  } finally {
    await pglite.close();
  }
}

export async function restorePglite(
  dataDir: string,
  file: string,
  options: { force: boolean },
): Promise<void> {
  refuseIfHeld(dataDir, 'restore into it');
  if (hasDatabase(dataDir)) {
    if (!options.force) {
      throw new DomainError(
        'conflict',
        'restore.not_empty',
        `${dataDir} already holds a database: restore into an empty directory, or give --force to replace it`,
      );
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  const tarball = new Blob([await readFile(file)]);
  const pglite = await PGlite.create(dataDir, { loadDataDir: tarball });
  await pglite.close();
  // A lock copied along with the files names a process of the machine the backup came from.
  rmSync(join(dataDir, lockFileName), { force: true });
}
