import type { Command } from 'commander';
import { withDatabase } from '../../cli/database.ts';
import { runCommand } from '../../cli/run-command.ts';

/** `concord coalition create|list`: tenants, for the operator who runs the server. */
export function registerCoalitionCommands(program: Command): void {
  const coalition = program.command('coalition').description('Coalitions (tenants) on this server');

  coalition
    .command('create')
    .description('Create an empty coalition; then give it an admin with `concord user create`')
    .requiredOption('--slug <slug>', 'short name used in URLs and at sign-in (a-z, 0-9, -)')
    .requiredOption('--name <name>', 'display name')
    .addHelpText(
      'after',
      `
Example:
  $ concord coalition create --slug river --name "River Valley Alliance"
  $ echo 'a long passphrase' | concord user create --email ana@example.org --coalition river --role admin --password-stdin`,
    )
    .action(
      runCommand(async (options: { slug: string; name: string }) => {
        const { createCoalition } = await import('./coalitions.service.ts');
        const created = await withDatabase(({ db }) =>
          db.transaction().execute((trx) => createCoalition(trx, options)),
        );
        process.stdout.write(`created coalition ${created.slug} (${created.id})\n`);
      }),
    );

  coalition
    .command('list')
    .description('Every coalition with its number of users')
    .option('--json', 'print JSON')
    .action(
      runCommand(async (options: { json?: boolean }) => {
        const { listCoalitions } = await import('./coalitions.service.ts');
        const rows = await withDatabase(({ db }) => listCoalitions(db), { quiet: options.json === true });
        if (options.json) {
          process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
          return;
        }
        for (const row of rows) {
          process.stdout.write(
            `${row.id}  ${row.slug.padEnd(20)} ${String(row.users).padStart(4)} users  ${row.name}\n`,
          );
        }
      }),
    );
}
