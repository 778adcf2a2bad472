/**
 * The `concord` command: assembly only. Each feature registers its own commands from
 * src/features/<name>/<name>.cli.ts through a `register…Commands(program)` function.
 */
import { Command } from 'commander';
import { registerAccountCommands } from './features/accounts/accounts.cli.ts';
import { registerCoalitionCommands } from './features/accounts/coalitions.cli.ts';
import { registerAuditCommands } from './features/audit/audit.cli.ts';
import { registerDecisionCommands } from './features/decisions/decisions.cli.ts';
import { registerMapCommands } from './features/map/map.cli.ts';
import { registerOpsCommands } from './features/ops/ops.cli.ts';
import { registerAllocateCommands } from './features/pacts/cli/allocate.cli.ts';
import { registerPactCommands } from './features/pacts/cli/pacts.cli.ts';
import { registerPetitionCommands } from './features/petitions/petitions.cli.ts';
import { registerRctabCommands } from './features/rctab/rctab.cli.ts';
import { registerRegistryCommands } from './features/registry/registry.cli.ts';
import { registerPeopleCommands } from './features/supporters/people.cli.ts';
import { registerTabulationCommands } from './features/tabulation/tabulation.cli.ts';
import { registerTicketCommands } from './features/tickets/tickets.cli.ts';

const program = new Command('concord')
  .description('Concord: the machinery of a coalition of parties and movements.')
  .showHelpAfterError('(run with --help for usage)');

registerOpsCommands(program);
registerCoalitionCommands(program);
registerAccountCommands(program);
registerAuditCommands(program);
registerRegistryCommands(program);
registerPeopleCommands(program);
registerDecisionCommands(program);
registerAllocateCommands(program);
registerPactCommands(program);
registerMapCommands(program);
registerPetitionCommands(program);
registerTicketCommands(program);
registerTabulationCommands(program);
registerRctabCommands(program);

await program.parseAsync(process.argv);
