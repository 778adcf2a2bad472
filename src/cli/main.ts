/**
 * The `concord` program: assembly only. Each feature registers its own commands from
 * src/features/<name>/<name>.cli.ts through a `register…Commands(program)` function, listed below.
 *
 * The modules load lazily, so that a command loads its own feature's code and not the server,
 * database and spreadsheet libraries of the others (docs/decisions/0016-cli-build.md): the built
 * CLI (bin/concord.js running dist/cli.js) passes the one module that owns the command, read from
 * the command manifest scripts/build.ts writes; `--help` is answered from that manifest without
 * loading any. From the TypeScript sources (src/cli.ts, tsx) every module loads.
 */
import { Command } from 'commander';

type Register = (program: Command) => void;

/** In the order `concord --help` lists them. `name` is the module's key in the command manifest. */
export const commandModules: readonly { name: string; load: () => Promise<Register> }[] = [
  { name: 'ops', load: async () => (await import('../features/ops/ops.cli.ts')).registerOpsCommands },
  {
    name: 'coalitions',
    load: async () => (await import('../features/accounts/coalitions.cli.ts')).registerCoalitionCommands,
  },
  {
    name: 'accounts',
    load: async () => (await import('../features/accounts/accounts.cli.ts')).registerAccountCommands,
  },
  { name: 'audit', load: async () => (await import('../features/audit/audit.cli.ts')).registerAuditCommands },
  {
    name: 'registry',
    load: async () => (await import('../features/registry/registry.cli.ts')).registerRegistryCommands,
  },
  {
    name: 'people',
    load: async () => (await import('../features/supporters/people.cli.ts')).registerPeopleCommands,
  },
  {
    name: 'decisions',
    load: async () => (await import('../features/decisions/decisions.cli.ts')).registerDecisionCommands,
  },
  {
    name: 'allocate',
    load: async () => (await import('../features/pacts/cli/allocate.cli.ts')).registerAllocateCommands,
  },
  {
    name: 'pacts',
    load: async () => (await import('../features/pacts/cli/pacts.cli.ts')).registerPactCommands,
  },
  { name: 'map', load: async () => (await import('../features/map/map.cli.ts')).registerMapCommands },
  {
    name: 'petitions',
    load: async () => (await import('../features/petitions/petitions.cli.ts')).registerPetitionCommands,
  },
  {
    name: 'tickets',
    load: async () => (await import('../features/tickets/tickets.cli.ts')).registerTicketCommands,
  },
  {
    name: 'tabulation',
    load: async () => (await import('../features/tabulation/tabulation.cli.ts')).registerTabulationCommands,
  },
  { name: 'rctab', load: async () => (await import('../features/rctab/rctab.cli.ts')).registerRctabCommands },
];

/** The program with no commands yet. */
export function createProgram(): Command {
  return new Command('concord')
    .description('Concord: the machinery of a coalition of parties and movements.')
    .showHelpAfterError('(run with --help for usage)');
}

/** The program with the named command modules registered (all of them when `only` is empty). */
export async function loadProgram(only: readonly string[] = []): Promise<Command> {
  const wanted = only.length === 0 ? commandModules : commandModules.filter((m) => only.includes(m.name));
  const registers = await Promise.all(wanted.map((module) => module.load()));
  const program = createProgram();
  for (const register of registers) register(program);
  return program;
}

/** Runs `concord` on `argv` (process.argv's shape) with the named command modules (default: all). */
export async function runCli(argv: readonly string[], only: readonly string[] = []): Promise<void> {
  const program = await loadProgram(only);
  await program.parseAsync([...argv]);
}
