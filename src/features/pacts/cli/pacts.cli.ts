import type { Command } from 'commander';
import { type CommonOptions, withCommonOptions } from '../../../cli/context.ts';
import { runCommand } from '../../../cli/run-command.ts';
import type { CreateOptions } from './pacts.cli-actions.ts';

/** The actions load the database, services and engine only when a pact command runs. */
const actions = () => import('./pacts.cli-actions.ts');
const collect = (value: string, previous: string[] = []) => [...previous, value];
const as = '--as secretariat@demo.concord.example';
const delegate = '--as delegate.harbor-greens@demo.concord.example';

/** Engine options shared by `create` and `zones` (docs/pacts.md, "The pact file"). */
function withSettings(command: Command): Command {
  return command
    .requiredOption('--name <name>', 'the pact’s name (unique in the coalition)')
    .requiredOption(
      '--member <organization=CODES>',
      'a member and the party codes whose votes are its own, e.g. "Harbor Greens=GRN" (repeat)',
      collect,
    )
    .option(
      '--weight <organization=n>',
      'override a member’s weight (default: verified strength evidence)',
      collect,
    )
    .option(
      '--weight-metric <metric>',
      'evidence that weighs members: members, votes, … (default: the coalition’s)',
    )
    .option('--apportionment <method>', 'sainte-lague (default), dhondt or hare')
    .option('--apportion-by <basis>', 'races (default) or expectedWins')
    .option(
      '--transfer <same,cross>',
      'vote transfer rates between members of the same side / across, e.g. 0.8,0.3',
    )
    .option('--uncertainty <sd>', 'standard deviation of the final margin (default 0.08; zones 0.15)')
    .option('--entitlement <mode>', 'enforce (default) or report')
    .option('--tier-balance', 'share safe, contested and difficult races fairly too')
    .option('--tier-margin <m>', 'margin beyond which a race is safe or difficult (default 0.05)')
    .option(
      '--preset <rule>',
      'incumbent (the incumbent’s party keeps the seat) or strongest (repeat)',
      collect,
    );
}

export function registerPactCommands(program: Command): void {
  const pact = program
    .command('pact')
    .description('Seat-sharing pacts: create from the map, run, lock, veto, swap, compare, consent, ratify');

  withCommonOptions(pact.command('list').description("The coalition's pacts, newest first"), false)
    .option('--limit <n>', 'only the newest n (1 to 500; default: every pact)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord pact list --coalition demo\n  $ concord pact list --coalition demo --limit 5',
    )
    .action(runCommand(async (o: CommonOptions & { limit?: string }) => (await actions()).list(o)));

  withCommonOptions(
    withSettings(pact.command('create').description('Create a pact for an election’s races (staff)')),
    true,
  )
    .requiredOption('--election <id|slug>', 'the election whose races are shared')
    .option('--office <office>', 'only races for this office (e.g. us_house)')
    .option('--stage <stage>', 'only races at this stage (e.g. general, first_round)')
    .option('--within <kind:code>', 'only races in or directly below this jurisdiction (repeat)', collect)
    .option('--results-from <id|slug>', 'past results from this election’s races in the same jurisdictions')
    .option('--results-office <office>', 'office of those past races')
    .option('--results-stage <stage>', 'stage of those past races')
    .addHelpText(
      'after',
      `
Party codes are those of the results: French nuances (ECO, SOC, FI, COM…), US party groups (DEM,
REP, GRN, LIB…). Every unmapped party is an opponent.

Examples:
  $ concord pact create --coalition demo ${as} --name "Michigan US House (2020 results)" \\
      --election us-2020-general --office us_house --within state:26 \\
      --member "Workers' Common Front=DEM" --member "Harbor Greens=GRN" --member "Liberal Forum=LIB"
  $ concord pact create --coalition demo ${as} --name "Paris" --election fr-2024-legislatives-t1 \\
      --within department:75 --member "Workers' Common Front=UG" --member "Harbor Greens=ECO" --preset incumbent --dry-run`,
    )
    .action(runCommand(async (o: CreateOptions) => (await actions()).create(o, 'races')));

  withCommonOptions(
    withSettings(
      pact
        .command('zones')
        .description('Create organizing zones: a territory’s jurisdictions shared out (staff)'),
    ),
    true,
  )
    .requiredOption('--in <kind:code>', 'the territory, e.g. state:26')
    .requiredOption(
      '--results <set>',
      'result set the zones’ values come from, e.g. us-president-2024-county',
    )
    .option('--zone-kind <kind>', 'the zones: its children of this kind (default county)')
    .addHelpText(
      'after',
      `
Each zone's coalition vote (the mapped parties, pooled) is shared among members by local presence
(home jurisdiction 1, home region 0.5, elsewhere 0.1) times weight; see docs/pacts.md.

Example:
  $ concord pact zones --coalition demo ${as} --name "Michigan canvass" --in state:26 \\
      --results us-president-2024-county --member "Workers' Common Front=DEM" --member "Harbor Greens=DEM"`,
    )
    .action(runCommand(async (o: CreateOptions) => (await actions()).create(o, 'zones')));

  withCommonOptions(
    pact.command('show <pact>').description('A pact: members, latest version, every race'),
    false,
  )
    .addHelpText(
      'after',
      '\nExample:\n  $ concord pact show "Michigan US House (2020 results)" --coalition demo',
    )
    .action(runCommand(async (ref: string, o: CommonOptions) => (await actions()).show(ref, o)));

  withCommonOptions(pact.command('run <pact>').description('Run the engine: a new version (staff)'), true)
    .option('--exact', 'solve exactly (MILP, HiGHS) and report the heuristic’s gap')
    .option('--note <text>', 'why this run')
    .option('--no-wait', 'queue the run and print its id: a running server takes it (PostgreSQL only)')
    .addHelpText(
      'after',
      `
The run is a durable job, the same one the web app queues. The command waits for it, showing the
phases (preparing, heuristic, exact, checking) on a progress bar, and works the job queue while it
waits: on PostgreSQL a running server may take the job instead; on embedded PGlite this process
runs it (while a server runs, it holds the database: start the run in the web app). Exit code 3
when the locks, vetoes and entitlement cannot all hold (the colliding rules are listed).

Examples:
  $ concord pact run "Michigan US House (2020 results)" --coalition demo ${as}
  $ concord pact run "Michigan US House (2020 results)" --coalition demo ${as} --exact --note "optimum" --json
  $ concord pact run "Michigan US House (2020 results)" --coalition demo ${as} --exact --no-wait`,
    )
    .action(
      runCommand(async (ref: string, o: CommonOptions & { exact?: boolean; note?: string; wait?: boolean }) =>
        (await actions()).run(ref, o),
      ),
    );

  for (const kind of ['lock', 'veto'] as const) {
    withCommonOptions(
      pact
        .command(`${kind} <pact> <race> <member>`)
        .description(
          kind === 'lock'
            ? 'Lock a race to a member (staff); --remove unlocks it'
            : 'Veto a member in a race (staff); --remove lifts the veto',
        ),
      true,
    )
      .option('--note <text>', 'why (kept in the audit log)')
      .option('--remove', kind === 'lock' ? 'unlock the race' : 'lift the veto')
      .addHelpText(
        'after',
        `
A member is given by its key (harbor-greens), name or id; a race by its key (MI-3, 7501, 26163).

Examples:
  $ concord pact ${kind} "Michigan US House (2020 results)" MI-13 harbor-greens --coalition demo ${as} --note "local deal"
  $ concord pact ${kind} "Michigan US House (2020 results)" MI-13 harbor-greens --coalition demo ${as} --remove`,
      )
      .action(
        runCommand(async (ref: string, race: string, member: string, o: CommonOptions & { note?: string }) =>
          (await actions()).rule(kind, ref, race, member, o),
        ),
      );
  }

  withCommonOptions(
    pact
      .command('swap <pact> <raceA> <raceB>')
      .description('Exchange the members of two races of the latest version (staff)'),
    true,
  )
    .option('--note <text>', 'why')
    .addHelpText(
      'after',
      `
Both races get locked to their new members and a new version is checked: its fairness flags say
whether the swap keeps entitlement and WEF1.

Example:
  $ concord pact swap "Michigan US House (2020 results)" MI-3 MI-12 --coalition demo ${as}`,
    )
    .action(
      runCommand(async (ref: string, a: string, b: string, o: CommonOptions & { note?: string }) =>
        (await actions()).swap(ref, a, b, o),
      ),
    );

  withCommonOptions(
    pact.command('versions <pact>').description('Every version; --show N prints one whole'),
    false,
  )
    .option('--show <n>', 'one version: its report with an explanation per race')
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord pact versions "Michigan US House (2020 results)" --coalition demo\n  $ concord pact versions "Michigan US House (2020 results)" --coalition demo --show 2',
    )
    .action(
      runCommand(async (ref: string, o: CommonOptions & { show?: string }) =>
        (await actions()).versions(ref, o),
      ),
    );

  withCommonOptions(
    pact.command('compare <pact> <from> <to>').description('What changed between two versions'),
    false,
  )
    .addHelpText(
      'after',
      '\nExample:\n  $ concord pact compare "Michigan US House (2020 results)" 1 2 --coalition demo --json',
    )
    .action(
      runCommand(async (ref: string, from: string, to: string, o: CommonOptions) =>
        (await actions()).compare(ref, from, to, o),
      ),
    );

  withCommonOptions(
    pact
      .command('consent <pact> <race>')
      .description("Record your organization's local consent or objection (delegates)"),
    true,
  )
    .requiredOption('--stance <stance>', 'consent or object')
    .option('--note <text>', 'what the local branch says')
    .addHelpText(
      'after',
      `\nExample:\n  $ concord pact consent "Michigan US House (2020 results)" MI-13 --stance object --note "our branch has a candidate" --coalition demo ${delegate}`,
    )
    .action(
      runCommand(async (ref: string, race: string, o: CommonOptions & { stance: string; note?: string }) =>
        (await actions()).consent(ref, race, o),
      ),
    );

  withCommonOptions(
    pact.command('ratify <pact>').description('Send a version to a pact ratification decision (staff)'),
    true,
  )
    .option('--version <n>', 'the version (default: the latest)')
    .option('--title <title>', 'the decision’s title')
    .option('--method <method>', 'majority (default), supermajority, double_majority or consensus')
    .option('--weighting <w>', 'equal (default) or strength')
    .option('--closes-at <iso>', 'closing time (default: the coalition’s voting window)')
    .addHelpText(
      'after',
      `
Passing the decision freezes the pact at that version; a failed decision leaves it editable.

Example:
  $ concord pact ratify "Michigan US House (2020 results)" --version 2 --method supermajority --coalition demo ${as}`,
    )
    .action(
      runCommand(async (ref: string, o: CommonOptions & Record<string, string | boolean | undefined>) =>
        (await actions()).ratify(ref, o),
      ),
    );

  withCommonOptions(pact.command('export <pact>').description('A version as a file'), false)
    .option('--version <n>', 'the version (default: the latest)')
    .option('--format <format>', 'pact (a pact file for concord allocate), report (JSON) or csv', 'pact')
    .option('--output <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  $ concord pact export "Michigan US House (2020 results)" --coalition demo > pact.json && concord allocate pact.json
  $ concord pact export "Michigan US House (2020 results)" --coalition demo --format csv --output races.csv`,
    )
    .action(
      runCommand(
        async (ref: string, o: CommonOptions & { version?: string; format?: string; output?: string }) =>
          (await actions()).exportFile(ref, o),
      ),
    );
}
