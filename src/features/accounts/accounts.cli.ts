import type { Command } from 'commander';
import { withDatabase } from '../../cli/database.ts';
import { runCommand } from '../../cli/run-command.ts';
import { roles } from '../../core/actor.ts';
import { invalid } from '../../core/errors.ts';
import { createUser } from './accounts.service.ts';

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerAccountCommands(program: Command): void {
  const user = program.command('user').description('Manage user accounts');
  user
    .command('create')
    .description('Create a user with a role in a coalition (or change the role of an existing user)')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--coalition <slug>', 'coalition the role applies to')
    .option('--name <name>', 'display name (defaults to the e-mail)')
    .option('--role <role>', `one of ${roles.join(', ')}`, 'viewer')
    .option('--organization <id>', 'member organization a delegate or organizer acts for')
    .option('--password <password>', 'password (prefer --password-stdin: arguments show in ps)')
    .option('--password-stdin', 'read the password from standard input')
    .addHelpText(
      'after',
      `
Examples:
  $ echo 'a long passphrase' | concord user create --email ana@example.org --coalition demo --role secretariat --password-stdin
  $ concord user create --email bo@example.org --coalition demo --role delegate --organization <uuid> --password 'another passphrase'`,
    )
    .action(
      runCommand(async (options: Record<string, string | boolean | undefined>) => {
        const password = options.passwordStdin ? await readPasswordFromStdin() : options.password;
        if (typeof password !== 'string') {
          throw invalid('user.password_required', 'Give a password with --password or --password-stdin.');
        }
        const email = String(options.email);
        const result = await withDatabase(({ db }) =>
          db.transaction().execute((trx) =>
            createUser(trx, {
              email,
              displayName: typeof options.name === 'string' ? options.name : email,
              password,
              coalitionSlug: String(options.coalition),
              role: String(options.role) as (typeof roles)[number],
              organizationId: typeof options.organization === 'string' ? options.organization : null,
            }),
          ),
        );
        process.stdout.write(
          `${result.created ? 'created' : 'updated role of'} user ${email} (${result.id})\n`,
        );
      }),
    );
}
