import { loadConfig } from '../config.ts';
import { connect, type DatabaseHandle, describeTarget, targetFromEnv } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';

/**
 * Opens the configured database, migrated to the latest schema, for one CLI command, and closes
 * it afterwards whatever happens.
 */
export async function withDatabase<T>(
  work: (handle: DatabaseHandle) => Promise<T>,
  options: { migrate?: boolean; quiet?: boolean } = {},
): Promise<T> {
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
