import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import type { TestProject } from 'vitest/node';
import { connect, pgliteOptions } from '../src/db/connect.ts';
import type { Database } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import {
  dropServerDatabase,
  runAdmin,
  serverDatabaseUrl,
  waitForNoBackends,
} from './helpers/server-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite data directory, migrated to the latest schema, dumped to this file. */
    pgliteTemplate: string | null;
    /** A database on the DATABASE_URL server, migrated to the latest schema, to copy per test file. */
    postgresTemplate: string | null;
  }
}

/**
 * Migrates one database before the suite and hands it to every test file as a template: a file
 * then starts from a copy (PGlite: load the dumped data dir, which also skips initdb; PostgreSQL:
 * `create database … template …`) instead of running every migration again. Migrations are
 * still tested on their own (src/db/migrate.test.ts asks for an unmigrated database).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `concord_template_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await runAdmin(serverUrl, `create database ${name}`);
    const handle = await connect({ kind: 'postgres', url: serverDatabaseUrl(serverUrl, name) });
    try {
      await migrateToLatest(handle.db);
    } finally {
      await handle.close();
    }
    // `create database … template` refuses a template anyone is still connected to.
    await waitForNoBackends(serverUrl, name);
    project.provide('pgliteTemplate', null);
    project.provide('postgresTemplate', name);
    return () => dropServerDatabase(serverUrl, name);
  }
  const pglite = await PGlite.create(pgliteOptions);
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const image = await pglite.dumpDataDir('none');
  await db.destroy();
  const file = join(tmpdir(), `concord-test-template-${process.pid}.tar`);
  await writeFile(file, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', null);
  return () => rm(file, { force: true });
}
