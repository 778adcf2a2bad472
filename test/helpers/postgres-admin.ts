import pg from 'pg';
import { dropServerDatabase, runAdmin, serverDatabaseUrl } from './server-database.ts';

/** The server the multi-process tests make their databases on (they skip when none answers). */
export const adminUrl = process.env.TWO_SERVERS_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export const admin = (statement: string): Promise<void> => runAdmin(adminUrl, statement);

/** Drops database `name` once the test's own pool has left it (server-database.ts says why). */
export const dropDatabase = (name: string): Promise<void> => dropServerDatabase(adminUrl, name);

/** The URL of database `name` on the admin server. */
export const databaseUrl = (name: string): string => serverDatabaseUrl(adminUrl, name);
