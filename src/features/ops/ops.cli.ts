import type { Command } from 'commander';
import { withDatabase } from '../../cli/database.ts';
import { runCommand } from '../../cli/run-command.ts';

/** serve, migrate and demo: running Concord itself. Modules load inside the actions (fast --help). */
export function registerOpsCommands(program: Command): void {
  program
    .command('serve')
    .description('Migrate the database and serve the API and web app')
    .option('--demo-if-empty', 'load the demo coalition when the database has no coalition yet')
    .addHelpText(
      'after',
      `
Examples:
  $ concord serve                       # embedded PGlite in ./.concord/data, port 8080
  $ PORT=3000 concord serve --demo-if-empty
  $ DATABASE_URL=postgres://user@localhost/concord concord serve`,
    )
    .action(
      runCommand(async (options: { demoIfEmpty?: boolean }) => {
        const [{ serve }, { loadConfig }] = await Promise.all([
          import('../../server.ts'),
          import('../../config.ts'),
        ]);
        await serve(loadConfig(), { demoIfEmpty: options.demoIfEmpty === true });
      }),
    );

  program
    .command('migrate')
    .description('Apply every pending database migration (all or nothing)')
    .addHelpText(
      'after',
      '\nExample:\n  $ DATABASE_URL=postgres://postgres@127.0.0.1/concord concord migrate',
    )
    .action(
      runCommand(async () => {
        const { migrateToLatest } = await import('../../db/migrate.ts');
        await withDatabase(
          async ({ db }) => {
            const applied = await migrateToLatest(db);
            process.stdout.write(
              applied.length === 0 ? 'database is up to date\n' : `applied:\n  ${applied.join('\n  ')}\n`,
            );
          },
          { migrate: false },
        );
      }),
    );

  program
    .command('demo')
    .description('Load the demo coalition (fictional parties and movements) into the database')
    .addHelpText('after', '\nExample:\n  $ concord demo && concord serve')
    .action(
      runCommand(async () => {
        const { loadDemo } = await import('../../demo/demo.service.ts');
        await withDatabase(async ({ db }) => {
          const { login } = await loadDemo(db, { log: (line) => process.stdout.write(`${line}\n`) });
          process.stdout.write(`demo login: ${login.email} / ${login.password}\n`);
        });
      }),
    );
}
