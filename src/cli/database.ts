import type { DatabaseHandle } from '../db/connect.ts';

/**
 * Opens the configured database, migrated to the latest schema, for one CLI command, and closes
 * it afterwards whatever happens. The database modules (Kysely, pg, PGlite) are loaded here, on
 * first use, so that commands without a database (tabulate, allocate, --help) start fast.
 */
export async function withDatabase<T>(
  work: (handle: DatabaseHandle) => Promise<T>,
  options: { migrate?: boolean; quiet?: boolean } = {},
): Promise<T> {
  const [{ loadConfig }, { connect, describeTarget, targetFromEnv }, { migrateToLatest }] = await Promise.all(
    [import('../config.ts'), import('../db/connect.ts'), import('../db/migrate.ts')],
  );
  const config = loadConfig();
  const handle = await connect(targetFromEnv(config));
  try {
    if (!options.quiet) process.stderr.write(`database: ${describeTarget(handle.target)}\n`);
    if (options.migrate !== false) await migrateToLatest(handle.db);
    return await work(handle);
  } finally {
    await handle.close();
  }
}
