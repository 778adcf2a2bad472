import { resolve } from 'node:path';
import type { Command } from 'commander';
import { runCommand } from '../../cli/run-command.ts';

/** The database the environment names, without opening it: backup and restore work on its files. */
async function configuredTarget() {
  const [{ loadConfig }, { describeTarget, targetFromEnv }] = await Promise.all([
    import('../../config.ts'),
    import('../../db/connect.ts'),
  ]);
  const target = targetFromEnv(loadConfig());
  return { target, description: describeTarget(target) };
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Copy the whole database to a file (PGlite: its data-directory dump; PostgreSQL: pg_dump)')
    .argument('<file>', 'the backup file to write')
    .addHelpText(
      'after',
      `
PGlite: stop the server first (it holds the data directory). PostgreSQL: needs pg_dump on PATH.

Examples:
  $ concord backup concord-2026-12-03.tar.gz
  $ DATABASE_URL=postgres://postgres@127.0.0.1/concord concord backup concord-2026-12-03.dump`,
    )
    .action(
      runCommand(async (file: string) => {
        const { backupDatabase } = await import('./backup.service.ts');
        const { target, description } = await configuredTarget();
        const format = await backupDatabase(target, resolve(file));
        process.stdout.write(`backed up ${description} to ${file} (${format} format)\n`);
      }),
    );

  program
    .command('restore')
    .description('Restore a backup into an empty database (or over one, with --force)')
    .argument('<file>', 'a file written by concord backup')
    .option('--force', 'replace a database that is not empty')
    .addHelpText(
      'after',
      `
The target is the configured database: CONCORD_DATA_DIR for PGlite (refused while a server holds
it), DATABASE_URL for PostgreSQL (needs pg_restore on PATH). Check the result with
\`concord audit verify --coalition <slug>\`.

Examples:
  $ CONCORD_DATA_DIR=/srv/concord/data concord restore concord-2026-12-03.tar.gz
  $ DATABASE_URL=postgres://postgres@127.0.0.1/concord_new concord restore concord-2026-12-03.dump`,
    )
    .action(
      runCommand(async (file: string, options: { force?: boolean }) => {
        const { restoreDatabase } = await import('./backup.service.ts');
        const { target, description } = await configuredTarget();
        const format = await restoreDatabase(target, resolve(file), { force: options.force === true });
        process.stdout.write(`restored ${file} (${format} format) into ${description}\n`);
      }),
    );
}
