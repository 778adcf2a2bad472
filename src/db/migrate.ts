import { type Kysely, sql } from 'kysely';
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';
import type { Database } from './database.ts';
import { migrations as allMigrations } from './migrations/index.ts';

export class MigrationFailedError extends Error {
  constructor(
    readonly migrationName: string | undefined,
    override readonly cause: unknown,
  ) {
    super(`Migration ${migrationName ?? '(unknown)'} failed: ${String(cause)}`);
    this.name = 'MigrationFailedError';
  }
}

/**
 * Applies every pending migration. On PostgreSQL (and PGlite) Kysely runs the whole batch in one
 * transaction, so a failure leaves the database exactly as it was.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  migrations: Record<string, Migration> = allMigrations,
): Promise<string[]> {
  if (await allApplied(db, Object.keys(migrations))) return [];
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new MigrationFailedError(failed?.migrationName, result.error);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Whether the database has applied exactly these migrations: then there is nothing to do, and a
 * server restart skips the Migrator, whose checks (schema introspection, a lock) cost about 0.3 s
 * of CPU on PGlite. Anything else (a pending or unknown migration, no migration table yet) goes
 * through the Migrator, which applies or refuses as before.
 */
async function allApplied(db: Kysely<Database>, names: readonly string[]): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((row) => row.name));
    return applied.size === names.length && names.every((name) => applied.has(name));
  } catch {
    return false;
  }
}
