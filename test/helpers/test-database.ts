import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { connect, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * created on the server named by DATABASE_URL (dropped again when the file is done).
 */
export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  const handle = serverUrl ? await createServerDatabase(serverUrl) : await connect({ kind: 'memory' });
  if (options.migrate !== false) await migrateToLatest(handle.db);
  return handle;
}

async function createServerDatabase(serverUrl: string): Promise<DatabaseHandle> {
  const name = `concord_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await runAdmin(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await connect({ kind: 'postgres', url: url.toString() });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      // pg-pool's end() resolves before its clients have disconnected; forcing the drop while they
      // are still leaving makes them emit an unhandled 'error' (57P01). Wait for them to go first.
      await waitForNoBackends(serverUrl, name);
      await runAdmin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function waitForNoBackends(serverUrl: string, name: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
      const { rows } = await client.query(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      if (rows[0]?.n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}

async function runAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
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
