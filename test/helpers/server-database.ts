import pg from 'pg';

/** The URL of database `name` on the server that `serverUrl` points at. */
export function serverDatabaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function runAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Drops a database once its own pool has left (see waitForNoBackends). */
export async function dropServerDatabase(serverUrl: string, name: string): Promise<void> {
  await waitForNoBackends(serverUrl, name);
  await runAdmin(serverUrl, `drop database if exists ${name} with (force)`);
}

/**
 * pg-pool's end() resolves before its clients have disconnected; forcing the drop while they are
 * still leaving makes them emit an unhandled 'error' (57P01). Wait for them to go first.
 */
export async function waitForNoBackends(serverUrl: string, name: string, timeoutMs = 5_000): Promise<void> {
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
