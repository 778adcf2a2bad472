import { type Kysely, sql } from 'kysely';
import type { Migration } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/test-database.ts';
import type { DatabaseHandle } from './connect.ts';
import type { Database } from './database.ts';
import { MigrationFailedError, migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

async function tableNames(db: Kysely<Database>): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(
    db,
  );
  return result.rows.map((row) => row.table_name);
}

describe('migrateToLatest', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase({ migrate: false });
  });
  afterAll(() => handle.close());

  it('applies every migration once, then nothing', async () => {
    expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(handle.db)).toEqual([]);
    expect(await tableNames(handle.db)).toContain('users');
  });

  it('leaves the database as it was when a migration fails', async () => {
    const before = await tableNames(handle.db);
    const createsThenFails: Migration = {
      up: async (db) => {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
        await sql`select 1 / 0`.execute(db);
      },
    };
    const good: Migration = {
      up: async (db) => {
        await db.schema.createTable('would_be_fine').addColumn('id', 'integer').execute();
      },
    };
    const failing = {
      ...migrations,
      '9999_01_01_0001_good': good,
      '9999_01_01_0002_broken': createsThenFails,
    };

    const error = await migrateToLatest(handle.db, failing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as MigrationFailedError).migrationName).toBe('9999_01_01_0002_broken');
    expect(await tableNames(handle.db)).toEqual(before);
    // Nothing of the failed batch was recorded as applied either.
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });
});
