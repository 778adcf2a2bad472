import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { connect, type DatabaseHandle } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createTestDatabase } from './test-database.ts';

export interface CliDatabase<T> {
  /** What the seed function returned (read it inside tests, after `beforeAll` ran). */
  readonly seed: T;
  /** Runs `read` on the database the CLI writes to, closing it again on PGlite before the next command. */
  use<R>(read: (db: Db) => Promise<R>): Promise<R>;
}

/**
 * The database a CLI test's commands open, found through the environment as a user's shell would
 * give it: a fresh server database when DATABASE_URL is set (the suite's PostgreSQL run), else an
 * embedded PGlite directory. PGlite takes one opener at a time, so the test's own handle is closed
 * between steps; the environment is restored and the directory removed afterwards.
 */
export function useCliDatabase<T>(
  name: string,
  seed: (db: Db) => Promise<T>,
  timeout = 120_000,
): CliDatabase<T> {
  const env = { DATABASE_URL: process.env.DATABASE_URL, CONCORD_DATA_DIR: process.env.CONCORD_DATA_DIR };
  let server: DatabaseHandle | undefined;
  let directory: string | undefined;
  let seeded: { value: T } | undefined;

  const use = async <R>(read: (db: Db) => Promise<R>): Promise<R> => {
    const handle = server ?? (await connect({ kind: 'pglite', dataDir: directory ?? '' }));
    try {
      return await read(handle.db);
    } finally {
      if (!server) await handle.close();
    }
  };

  beforeAll(async () => {
    if (env.DATABASE_URL) {
      server = await createTestDatabase();
      process.env.DATABASE_URL = server.target.kind === 'postgres' ? server.target.url : '';
    } else {
      directory = await mkdtemp(join(tmpdir(), `concord-${name}-cli-`));
      process.env.CONCORD_DATA_DIR = directory;
    }
    seeded = {
      value: await use(async (db) => {
        await migrateToLatest(db);
        return seed(db);
      }),
    };
  }, timeout);

  afterAll(async () => {
    process.env.DATABASE_URL = env.DATABASE_URL;
    process.env.CONCORD_DATA_DIR = env.CONCORD_DATA_DIR;
    await server?.close();
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  return {
    get seed(): T {
      if (!seeded) throw new Error(`the ${name} CLI database is not seeded yet (read .seed inside a test)`);
      return seeded.value;
    },
    use,
  };
}
