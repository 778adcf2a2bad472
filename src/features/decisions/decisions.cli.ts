import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  type CommonOptions,
  parseWith,
  printJson,
  resolveCliActor,
  resolveOrganizationId,
  resolveReader,
  runWrite,
  withCommonOptions,
} from '../../cli/context.ts';
import { withDatabase } from '../../cli/database.ts';
import { runCommand } from '../../cli/run-command.ts';
import { invalid } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { castBallot } from './ballots.service.ts';
import { closeDecision, closeDueDecisions } from './close.service.ts';
import { createDecision } from './create.service.ts';
import { ballotInputSchema, createDecisionSchema, type DecisionView } from './decisions.schema.ts';

/** A write stores the closes whose window has passed first, in its own transaction (reads never do). */
const storeDueCloses = (db: Db, coalitionId: string) =>
  db.transaction().execute((trx) => closeDueDecisions(trx, coalitionId, new Date()));

import { getDecisionView, listDecisionViews, listPublishedBallots } from './read.service.ts';

/** "2/3" → {num: 2, den: 3}; "0.4" → 400 thousandths. */
const fraction = (text: string | undefined) => {
  if (text === undefined) return undefined;
  const [num, den] = text.split('/').map(Number);
  return { num, den };
};
const collect = (value: string, previous: string[] = []) => [...previous, value];
const permille = (text: string | undefined) =>
  text === undefined ? undefined : Math.round(Number(text) * 1000);

/** "yes=70,no=30" (percent) → {split: {yes: 700, no: 300}} in thousandths; rankings as repeated options. */
function ballotFrom(o: { choice?: string; split?: string; rank?: string[]; approve?: string[] }) {
  const given = [o.choice, o.split, o.rank, o.approve].filter((x) => x !== undefined).length;
  if (given !== 1)
    throw invalid('cli.invalid', 'Give exactly one of --choice, --split, --rank or --approve.');
  if (o.choice) return parseWith(ballotInputSchema, { choice: o.choice });
  if (o.rank) return parseWith(ballotInputSchema, { ranking: o.rank });
  if (o.approve) return parseWith(ballotInputSchema, { approve: o.approve });
  if (!o.split) throw invalid('cli.invalid', 'Give --choice yes|no|abstain or --split yes=70,no=30.');
  const split = Object.fromEntries(
    o.split.split(',').map((part) => {
      const [option, percent] = part.split('=');
      return [option?.trim() ?? '', Math.round(Number(percent) * 10)];
    }),
  );
  return parseWith(ballotInputSchema, { split });
}

function printDecision(d: DecisionView): void {
  const lines = [
    `${d.title} [${d.kind}, ${d.method}${d.secret ? ', secret ballot' : ''}] ${d.id}`,
    `phase: ${d.phase}; ${d.opensAt} → ${d.closesAt}; voted ${d.participation.voted} of ${d.participation.eligible}`,
  ];
  if (d.subjectOrganization)
    lines.push(`about: ${d.subjectOrganization.name}${d.grounds ? ` — grounds: ${d.grounds}` : ''}`);
  if (d.myBallot)
    lines.push(`your ballot: ${JSON.stringify(d.myBallot.split)} receipt ${d.myBallot.receipt}`);
  for (const warning of d.rules.secrecyWarnings)
    lines.push(`secrecy warning (acknowledged): ${warning.message}`);
  const r = d.result;
  if (r?.tally) {
    const t = r.tally;
    lines.push(`outcome: ${t.outcome.toUpperCase()} — ${t.explanation}`);
    lines.push(
      `quorum: ${t.quorum.voted} of ${t.quorum.eligible} voted, ${t.quorum.needed} needed (${t.quorum.met ? 'met' : 'not met'})`,
    );
    if (t.weighted)
      lines.push(
        `weighted   yes ${t.weighted.yes}  no ${t.weighted.no}  abstain ${t.weighted.abstain}  (yes share ${t.yesShare})`,
      );
    if (t.organizations)
      lines.push(
        `members    yes ${t.organizations.yes}  no ${t.organizations.no}  abstain ${t.organizations.abstain}`,
      );
    if (t.shares) {
      const b = (x: { from: string; to: string }) => `${x.from}–${x.to} %`;
      lines.push(
        `weighted shares  yes ${b(t.shares.yes)}  no ${b(t.shares.no)}  abstain ${b(t.shares.abstain)}`,
      );
    }
  }
  if (r?.secrecy) lines.push(r.secrecy.note);
  if (r?.ranked) {
    const k = r.ranked;
    lines.push(`outcome: ${k.outcome.toUpperCase()} — ${k.explanation}`);
    lines.push(
      `quorum: ${k.quorum.voted} of ${k.quorum.eligible} voted, ${k.quorum.needed} needed (${k.quorum.met ? 'met' : 'not met'})`,
    );
    for (const round of k.count?.rounds ?? []) {
      const tallies = Object.entries(round.tallies).map(([option, votes]) => `${option} ${votes}`);
      lines.push(`  round ${round.round}: ${tallies.join(', ')}`);
    }
  }
  if (r) {
    for (const e of r.eligible) {
      lines.push(
        `  ${e.name.padEnd(32)} weight ${e.weight.padStart(8)} share ${e.share}${e.capped ? ' (capped)' : ''}${e.voted ? '' : ' did not vote'}`,
      );
    }
    for (const b of r.ballots ?? [])
      lines.push(`  ${b.receipt}  ${b.name}: ${JSON.stringify(b.split ?? b.parts)}`);
    if (r.applied) lines.push(`applied: ${r.applied}`);
    lines.push(`ballots digest: ${r.ballotsDigest}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

export function registerDecisionCommands(program: Command): void {
  const decision = program
    .command('decision')
    .description('Decisions: create, cast, close, show tallies and ballots');

  withCommonOptions(decision.command('list').description("List the coalition's decisions"), false)
    .addHelpText('after', '\nExample:\n  $ concord decision list --coalition demo')
    .action(
      runCommand(async (o: CommonOptions) => {
        const list = await withDatabase(async ({ db }) => {
          const actor = await resolveReader(db, o.coalition, o.as);
          return db.transaction().execute((trx) => listDecisionViews(trx, actor, {}));
        });
        if (o.json) return printJson(list);
        for (const d of list) {
          process.stdout.write(
            `${d.id}  ${d.phase.padEnd(9)} ${(d.outcome ?? '').padEnd(9)} ${d.kind.padEnd(17)} ${d.title}\n`,
          );
        }
      }),
    );

  withCommonOptions(
    decision.command('show <id>').description('One decision with its full tally once closed'),
    false,
  )
    .addHelpText('after', '\nExample:\n  $ concord decision show <decision-uuid> --coalition demo')
    .action(
      runCommand(async (id: string, o: CommonOptions) => {
        const view = await withDatabase(async ({ db }) => {
          const actor = await resolveReader(db, o.coalition, o.as);
          return db.transaction().execute((trx) => getDecisionView(trx, actor, id));
        });
        if (o.json) printJson(view);
        else printDecision(view);
      }),
    );

  withCommonOptions(decision.command('create').description('Put a decision to the vote (staff)'), true)
    .requiredOption(
      '--kind <kind>',
      'motion, admission, suspension, expulsion, reinstatement or charter_amendment',
    )
    .requiredOption('--title <title>', 'what is decided')
    .option('--body <text>', 'the motion text')
    .option(
      '--subject <organization>',
      'the organization an admission, suspension, expulsion or reinstatement is about',
    )
    .option('--grounds <text>', 'grounds of a suspension or expulsion (required for them)')
    .option(
      '--proposal-file <path>',
      'charter amendment: JSON file {"planks":[{"title","text"}]} with the full new text',
    )
    .option(
      '--method <method>',
      'majority, supermajority, double_majority, consensus, irv, stv, schulze or approval',
    )
    .option('--option <name>', 'ranked methods: an option to rank or approve (repeat)', collect)
    .option('--seats <n>', 'stv and approval: how many options win')
    .option('--threshold <k/n>', 'supermajority threshold, e.g. 2/3')
    .option('--weighting <w>', 'equal (one organization one vote) or strength')
    .option('--cap <share>', 'strength weighting: cap on one member share, e.g. 0.4')
    .option('--quorum <k/n>', 'share of eligible members that must vote, e.g. 1/2')
    .option('--secret', 'secret ballot')
    .option(
      '--acknowledge-weak-secrecy',
      'open a secret ballot even though its electorate is too small or too unevenly weighted to keep it fully secret',
    )
    .option('--closes-at <iso>', 'closing time (default: the coalition voting window)')
    .addHelpText(
      'after',
      `
Examples:
  $ concord decision create --coalition demo --as secretariat@demo.concord.example --kind motion --title "Joint list in the capital" --secret
  $ concord decision create --coalition demo --as secretariat@demo.concord.example --kind admission --subject "Valley Farmers League" --title "Admit the League" --dry-run
  $ concord decision create --coalition demo --as secretariat@demo.concord.example --kind motion --title "Budget" --method double_majority --weighting strength --cap 0.4
  $ concord decision create --coalition demo --as secretariat@demo.concord.example --kind motion --title "Candidate for governor" --method irv --option "Ana Ruiz" --option "Ben Ode" --option "Cy Park"`,
    )
    .action(
      runCommand(async (o: CommonOptions & Record<string, string | string[] | boolean | undefined>) => {
        const str = (key: string) => (typeof o[key] === 'string' ? (o[key] as string) : undefined);
        const view = await withDatabase(async ({ db }) => {
          const actor = await resolveCliActor(db, o.coalition, o.as);
          const subject = str('subject');
          const proposalFile = str('proposalFile');
          const input = parseWith(createDecisionSchema, {
            kind: str('kind'),
            title: str('title'),
            body: str('body'),
            subjectOrganizationId: subject
              ? await resolveOrganizationId(db, actor.coalitionId, subject)
              : undefined,
            grounds: str('grounds'),
            proposal: proposalFile ? JSON.parse(readFileSync(proposalFile, 'utf8')) : undefined,
            method: str('method'),
            options: Array.isArray(o.option) ? o.option : undefined,
            seats: str('seats') === undefined ? undefined : Number(str('seats')),
            threshold: fraction(str('threshold')),
            weighting: str('weighting'),
            weightCapPermille: permille(str('cap')),
            quorum: fraction(str('quorum')),
            secret: o.secret === true ? true : undefined,
            acknowledgeWeakSecrecy: o.acknowledgeWeakSecrecy === true ? true : undefined,
            closesAt: str('closesAt'),
          });
          if (o.dryRun !== true) await storeDueCloses(db, actor.coalitionId);
          return runWrite(db, o.dryRun === true, (trx) => createDecision(trx, actor, input));
        });
        if (o.json) printJson(view);
        else printDecision(view);
      }),
    );

  withCommonOptions(
    decision.command('cast <id>').description("Cast or change your organization's ballot (delegate)"),
    true,
  )
    .option('--choice <choice>', 'yes, no or abstain')
    .option('--split <parts>', 'split the weight in percent, e.g. yes=70,no=30')
    .option('--rank <option>', 'ranked decisions: an option, most preferred first (repeat)', collect)
    .option('--approve <option>', 'approval decisions: an approved option (repeat)', collect)
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord decision cast <decision-uuid> --coalition demo --as delegate.harbor-greens@demo.concord.example --choice yes\n  $ concord decision cast <decision-uuid> --coalition demo --as delegate.harbor-greens@demo.concord.example --split yes=70,no=30\n  $ concord decision cast <decision-uuid> --coalition demo --as delegate.harbor-greens@demo.concord.example --rank "Cy Park" --rank "Ana Ruiz"',
    )
    .action(
      runCommand(
        async (
          id: string,
          o: CommonOptions & { choice?: string; split?: string; rank?: string[]; approve?: string[] },
        ) => {
          const ballot = ballotFrom(o);
          const cast = await withDatabase(async ({ db }) => {
            const actor = await resolveCliActor(db, o.coalition, o.as);
            if (!actor.organizationId)
              throw invalid('cli.invalid', `${o.as} is not a delegate of any organization.`);
            const organizationId = actor.organizationId;
            if (o.dryRun !== true) await storeDueCloses(db, actor.coalitionId);
            return runWrite(db, o.dryRun === true, (trx) =>
              castBallot(trx, actor, id, organizationId, ballot),
            );
          });
          if (o.json) return printJson(cast);
          process.stdout.write(
            `ballot ${cast.revision > 1 ? 'changed' : 'cast'}: ${JSON.stringify(cast.split ?? cast.parts)}\nreceipt: ${cast.receipt} (keep it to find your ballot in the published list)\n`,
          );
        },
      ),
    );

  withCommonOptions(
    decision.command('close <id>').description('Close now and compute the result (staff)'),
    true,
  )
    .addHelpText(
      'after',
      '\nExample:\n  $ concord decision close <decision-uuid> --coalition demo --as secretariat@demo.concord.example',
    )
    .action(
      runCommand(async (id: string, o: CommonOptions) => {
        const view = await withDatabase(async ({ db }) => {
          const actor = await resolveCliActor(db, o.coalition, o.as);
          return runWrite(db, o.dryRun === true, async (trx) => {
            await closeDecision(trx, actor, id);
            return getDecisionView(trx, actor, id);
          });
        });
        if (o.json) printJson(view);
        else printDecision(view);
      }),
    );

  withCommonOptions(
    decision.command('ballots <id>').description('The published ballots of a closed decision, by receipt'),
    false,
  )
    .addHelpText('after', '\nExample:\n  $ concord decision ballots <decision-uuid> --coalition demo --json')
    .action(
      runCommand(async (id: string, o: CommonOptions) => {
        const published = await withDatabase(async ({ db }) => {
          const actor = await resolveReader(db, o.coalition, o.as);
          return db.transaction().execute((trx) => listPublishedBallots(trx, actor, id));
        });
        if (o.json) return printJson(published);
        for (const b of published.ballots) {
          process.stdout.write(
            `${b.receipt}  ${b.choice.padEnd(7)} ${JSON.stringify(b.split)}${b.organization ? `  ${b.organization.name}` : ''}${b.counted ? '' : '  (not counted)'}\n`,
          );
        }
        process.stdout.write(`digest: ${published.ballotsDigest}\n`);
      }),
    );
}
