import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, inject } from 'vitest';
import { connect, type DatabaseHandle, type DatabaseTarget } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { dropServerDatabase, runAdmin, serverDatabaseUrl } from './server-database.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * created on the server named by DATABASE_URL (dropped again when the file is done). Both start
 * from the suite's migrated template when there is one, so a file does not run every migration.
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  const migrate = options.migrate !== false;
  // The suite's migrated template (test/global-setup.ts), when this run has one.
  const template = migrate ? templates() : { pglite: null, postgres: null };
  if (serverUrl) {
    const handle = await createServerDatabase(serverUrl, template.postgres);
    if (migrate && !template.postgres) await migrateToLatest(handle.db);
    return handle;
  }
  const image = template.pglite ? new Blob([await readFile(template.pglite)]) : undefined;
  const handle = await connect({ kind: 'memory', ...(image ? { image } : {}) });
  if (migrate && !image) await migrateToLatest(handle.db);
  return handle;
}

/** The templates global setup provided (none in a run without it, such as the browser tests). */
function templates(): { pglite: string | null; postgres: string | null } {
  try {
    return { pglite: inject('pgliteTemplate') ?? null, postgres: inject('postgresTemplate') ?? null };
  } catch {
    return { pglite: null, postgres: null };
  }
}

async function createServerDatabase(serverUrl: string, template: string | null): Promise<DatabaseHandle> {
  const name = `concord_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await runAdmin(serverUrl, `create database ${name}${template ? ` template ${template}` : ''}`);
  const handle = await connect({ kind: 'postgres', url: serverDatabaseUrl(serverUrl, name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropServerDatabase(serverUrl, name);
    },
  };
}

/** Registers beforeAll/afterAll for a test file and returns a getter for its database. */
export function useTestDatabase(): () => DatabaseHandle {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error('the test database is not ready: call inside a test or hook');
    return handle;
  };
}

/**
 * Opens `target` for `use` and closes it again: for tests whose real server processes share the
 * database (an embedded PGlite directory takes one opener at a time, so the test holds it only
 * while no server does).
 */
export async function withDatabase<T>(target: DatabaseTarget, use: (db: Db) => Promise<T>): Promise<T> {
  const handle = await connect(target);
  try {
    return await use(handle.db);
  } finally {
    await handle.close();
  }
}
