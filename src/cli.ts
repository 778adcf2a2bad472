/**
 * The `concord` command: assembly only. Each feature registers its own commands from
 * src/features/<name>/<name>.cli.ts through a `register…Commands(program)` function.
 */
import { Command } from 'commander';
import { registerAccountCommands } from './features/accounts/accounts.cli.ts';
import { registerAuditCommands } from './features/audit/audit.cli.ts';
import { registerDecisionCommands } from './features/decisions/decisions.cli.ts';
import { registerMapCommands } from './features/map/map.cli.ts';
import { registerOpsCommands } from './features/ops/ops.cli.ts';
import { registerAllocateCommands } from './features/pacts/allocate.cli.ts';
import { registerPactCommands } from './features/pacts/pacts.cli.ts';
import { registerRegistryCommands } from './features/registry/registry.cli.ts';
import { registerPeopleCommands } from './features/supporters/people.cli.ts';
import { registerTabulationCommands } from './features/tabulation/tabulation.cli.ts';

const program = new Command('concord')
  .description('Concord: the machinery of a coalition of parties and movements.')
  .showHelpAfterError('(run with --help for usage)');

registerOpsCommands(program);
registerAccountCommands(program);
registerAuditCommands(program);
registerRegistryCommands(program);
registerPeopleCommands(program);
registerDecisionCommands(program);
registerAllocateCommands(program);
registerPactCommands(program);
registerMapCommands(program);
registerTabulationCommands(program);

await program.parseAsync(process.argv);
