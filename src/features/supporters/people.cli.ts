import type { Command } from 'commander';
import { runCommand } from '../../cli/run-command.ts';
import type { PeopleAction, PeopleCliOptions } from './people.cli-actions.ts';

const actions = () => import('./people.cli-actions.ts');
const collect = (value: string, previous: string[] = []) => [...previous, value];

function common(command: Command, write: boolean): Command {
  command
    .requiredOption('--coalition <slug>', 'coalition to work on')
    .requiredOption(
      '--as <email>',
      'a delegate or organizer of the member whose people these are (staff: aggregates only)',
    )
    .option('--json', 'print JSON');
  return write ? command.option('--dry-run', 'check everything, save nothing') : command;
}

function run(name: PeopleAction, positional?: string) {
  return runCommand(async (...args: unknown[]) => {
    const options = (positional ? args[1] : args[0]) as PeopleCliOptions & Record<string, unknown>;
    const merged = positional ? { ...options, [positional]: args[0] } : options;
    const { runPeopleAction } = await actions();
    await runPeopleAction(name, merged as never);
  });
}

/** `concord people …`: a member's own supporters. Every command acts as --as and sees only that member's people. */
export function registerPeopleCommands(program: Command): void {
  const people = program
    .command('people')
    .description("A member's supporters: list, show, add, consent, import, export, merge, overlap counts");

  common(people.command('list').description('Search and list your supporters, a page at a time'), false)
    .option('--q <text>', 'search names, emails, phones and city')
    .option('--tag <tag>')
    .option('--county <fips>')
    .option('--segment <segment>', 'a saved segment (name or id)')
    .option('--limit <n>', 'rows per page', '100')
    .option('--cursor <cursor>', 'continue from a previous page')
    .addHelpText(
      'after',
      '\nExample:\n  $ concord people list --coalition demo --as delegate@lake.example --q smith',
    )
    .action(run('list'));

  common(
    people.command('show <id>').description('One supporter with consents, activity and links'),
    false,
  ).action(run('show', 'id'));

  common(people.command('add').description('Add one supporter'), true)
    .option('--first <name>')
    .option('--last <name>')
    .option('--email <email>', 'repeat for more', collect)
    .option('--phone <phone>', 'repeat for more', collect)
    .option('--county <fips>', 'county FIPS code (5 digits)')
    .option('--tag <tag>', 'repeat for more', collect)
    .action(run('add'));

  common(
    people
      .command('erase <id>')
      .description('Erase a supporter and everything held on them (audited, no personal data)'),
    true,
  ).action(run('erase', 'id'));

  common(
    people
      .command('export-person <id>')
      .description('Subject access: everything held on one supporter, as JSON'),
    false,
  ).action(run('exportPerson', 'id'));

  common(
    people.command('consent <id>').description('Record consent for a channel (or its refusal with --denied)'),
    true,
  )
    .requiredOption('--channel <channel>', 'email, phone, sms or post')
    .requiredOption('--source <source>', 'where the consent was given, e.g. "signup form 2026-11"')
    .option('--basis <basis>', 'consent, legitimate_interest, membership or legal_obligation', 'consent')
    .option('--denied', 'the person said no')
    .action(run('consent', 'id'));

  common(people.command('withdraw <id>').description('Withdraw consent for a channel'), true)
    .requiredOption('--channel <channel>', 'email, phone, sms or post')
    .requiredOption('--source <source>', 'how the withdrawal came, e.g. "phoned the office"')
    .action(run('withdraw', 'id'));

  common(
    people
      .command('aggregates')
      .description('Counts by county, tag and month (staff: all members, small counts as "<10")'),
    false,
  ).action(run('aggregates'));

  common(
    people
      .command('import <file>')
      .description('Import a CSV all-or-nothing: every error by file, row, field and reason'),
    true,
  )
    .option(
      '--preset <preset>',
      'action_network, nationbuilder, civicrm or concord (default: detected from the headers)',
    )
    .option(
      '--map <header=target>',
      'map one column (repeat): e.g. --map "Shirt=custom:shirt" --map "Religion=skip"',
      collect,
    )
    .option('--delimiter <char>', 'field separator: , ; or tab (default: sniffed)')
    .option('--errors <file>', 'also write the errors as CSV here')
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord people import export.csv --coalition demo --as delegate@lake.example --dry-run\n  $ concord people import civi.csv --preset civicrm --coalition demo --as delegate@lake.example --errors errors.csv',
    )
    .action(run('importFile', 'file'));

  common(
    people
      .command('export')
      .description(
        'Your people (or a segment) as CSV; channels without standing consent left empty; audited',
      ),
    false,
  )
    .option('--segment <segment>', 'a saved segment (name or id)')
    .option('--out <file>', 'write here instead of stdout')
    .action(run('exportCsv'));

  common(
    people.command('overlaps').description('Overlap runs your member requested or was asked for'),
    false,
  ).action(run('overlaps'));
  common(
    people
      .command('overlap-request <partner>')
      .description('Ask another member (name or id) to count the supporters you share'),
    true,
  ).action(run('overlapRequest', 'partner'));
  common(
    people.command('overlap-approve <run>').description('Approve a run: each side learns only the count'),
    true,
  ).action(run('overlapApprove', 'id'));
  common(people.command('overlap-decline <run>').description('Decline a run'), true).action(
    run('overlapDecline', 'id'),
  );

  common(
    people
      .command('pipeline')
      .description('Your ladder: people per stage and who is ready to move up, per tag'),
    false,
  ).action(run('pipeline'));
  common(
    people
      .command('pipeline-advance')
      .description('Move everyone who meets the next stage’s rule up one stage'),
    true,
  ).action(run('pipelineAdvance'));

  common(people.command('segments').description('Your saved segments with live counts'), false).action(
    run('segments'),
  );

  common(people.command('segment-create <name>').description('Save a segment'), true)
    .requiredOption('--filter <json>', 'e.g. \'{"tags":["housing"],"consent":"email"}\'')
    .action(run('segmentCreate', 'name'));
}
