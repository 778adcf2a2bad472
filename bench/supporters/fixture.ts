/**
 * What the supporters benches share: a synthetic CSV, a scratch database (PostgreSQL when
 * DATABASE_URL is set, in-memory PGlite otherwise), a member to own the people, percentiles.
 */
import { createWriteStream } from 'node:fs';
import pg from 'pg';
import type { Actor } from '../../src/core/actor.ts';
import { connect, type DatabaseHandle } from '../../src/db/connect.ts';
import {
  syntheticCsvHeader,
  syntheticCsvLine,
  syntheticPerson,
} from '../../src/features/supporters/synthetic.ts';
import { dropServerDatabase, serverDatabaseUrl } from '../../test/helpers/server-database.ts';

export async function writeCsv(path: string, count: number, offset: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(syntheticCsvHeader);
  let chunk = '';
  for (let i = 0; i < count; i += 1) {
    chunk += syntheticCsvLine(syntheticPerson(offset + i));
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise((resolve) => out.end(resolve));
}

/**
 * A scratch database, dropped on close. With `keep` (PostgreSQL only) the database is named
 * `keep` and survives the run, and a later run with the same name reuses it as it is (`reused`).
 */
export async function openDatabase(
  options: { keep?: string | undefined } = {},
): Promise<DatabaseHandle & { reused: boolean }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { ...(await connect({ kind: 'memory' })), reused: false };
  const name = options.keep ?? `concord_bench_${Date.now()}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a database name: ${name}`);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  const handle = await connect({ kind: 'postgres', url: serverDatabaseUrl(url, name) });
  return {
    ...handle,
    reused: exists,
    close: async () => {
      await handle.close();
      if (!options.keep) await dropServerDatabase(url, name);
    },
  };
}

export async function member(handle: DatabaseHandle, name: string): Promise<Actor> {
  const { db } = handle;
  const coalition = await db
    .insertInto('coalitions')
    .values({ slug: name, name })
    .returning('id')
    .executeTakeFirstOrThrow();
  const org = await db
    .insertInto('organizations')
    .values({
      coalition_id: coalition.id,
      name,
      kind: 'party',
      status: 'member',
      platform: '[]',
      home_jurisdictions: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('users')
    .values({ email: `${name}@bench.example`, display_name: name, password_hash: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: user.id, coalitionId: coalition.id, organizationId: org.id, role: 'delegate' };
}

export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
