/**
 * `concord tabulate` on its own: bin/concord.js starts here for that command, so a count loads
 * the engine and commander only, not the server and database stack the other commands need
 * (about 1.5 s of imports, most of the budget of a 1M-ballot count). Same command, same flags.
 */
import { Command } from 'commander';
import { registerTabulationCommands } from './tabulation.cli.ts';

const program = new Command('concord').showHelpAfterError('(run with --help for usage)');
registerTabulationCommands(program);
await program.parseAsync(process.argv);
