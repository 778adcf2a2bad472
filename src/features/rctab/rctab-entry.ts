/**
 * `concord rctab` on its own, like `concord tabulate` (tabulate-entry.ts): a count of official cast
 * vote records loads the RCTab readers and commander, not the server and database stack.
 */
import { Command } from 'commander';
import { registerRctabCommands } from './rctab.cli.ts';

const program = new Command('concord').showHelpAfterError('(run with --help for usage)');
registerRctabCommands(program);
await program.parseAsync(process.argv);
