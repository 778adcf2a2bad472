/**
 * The `concord` command: assembly only. Each feature registers its own commands from
 * src/features/<name>/<name>.cli.ts through a `register…Commands(program)` function.
 */
import { Command } from 'commander';

const program = new Command('concord')
  .description('Concord: the machinery of a coalition of parties and movements.')
  .showHelpAfterError('(run with --help for usage)');

await program.parseAsync(process.argv);
