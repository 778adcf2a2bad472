import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import {
  type CommonOptions,
  printJson,
  resolveCliActor,
  resolveOrganizationId,
  resolveReader,
  runWrite,
  withCommonOptions,
} from '../../cli/context.ts';
import { withDatabase } from '../../cli/database.ts';
import { runCommand } from '../../cli/run-command.ts';
import type { Actor } from '../../core/actor.ts';
import { DomainError } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import type { CandidateView, LineInput, NationalTicketView } from './tickets.schema.ts';

/**
 * `concord candidates|tickets|results`. Services are imported inside the actions: every `concord`
 * run registers every command, and the database layer is heavy to load.
 */
const services = () => import('./cli-services.ts');

const printCandidate = (c: CandidateView) => {
  const lines = c.lines.map((l) => `${l.label} (${l.kind})`).join(', ');
  const flag =
    c.dissident.length > 0
      ? `  DISSIDENT vs ${c.dissident.map((d) => `${d.pactName}: ${d.assignedToName}`).join('; ')}`
      : '';
  const check = c.check.fusion.ok ? '' : `  RULE: ${c.check.fusion.problems.map((p) => p.message).join(' ')}`;
  process.stdout.write(
    `${c.id}  ${c.status.padEnd(9)} ${c.name} — ${c.race.name} [${c.race.statePo ?? c.race.country}] · ${c.memberName} · ${lines}${flag}${check}\n`,
  );
};

const printTicket = (t: NationalTicketView) =>
  process.stdout.write(
    `${t.id}  ${t.cycle} ${t.office} ${t.status}${t.overridden ? ' (overridden)' : ''}: ${t.top.name} (${t.top.memberName}, ${t.top.side ?? 'no side'}) / ${t.second.name} (${t.second.memberName}, ${t.second.side ?? 'no side'})\n`,
  );

async function writeAs<T>(o: CommonOptions, work: (db: Db, actor: Actor) => Promise<T>): Promise<T> {
  return withDatabase(async ({ db }) =>
    runWrite(db, o.dryRun === true, async (trx) => work(trx, await resolveCliActor(trx, o.coalition, o.as))),
  );
}

export function registerTicketCommands(program: Command): void {
  registerCandidateCommands(program);
  registerNationalCommands(program);
  registerResultCommands(program);
}

function registerCandidateCommands(program: Command): void {
  const candidates = program
    .command('candidates')
    .description('Candidates and nominations: propose, lines, endorse, file, disputes');

  withCommonOptions(
    candidates.command('list').description('The coalition’s candidates with their lines and rule checks'),
    false,
  )
    .option('--status <status>', 'proposed, endorsed, filed, on_ballot, rejected, elected, defeated')
    .option('--member <member>', 'only this member’s (name or id)')
    .option('--state <po>', 'only races in this state (USPS code)')
    .option('--dissident', 'only dissident candidacies')
    .option('--limit <n>', 'only the first n, oldest first (1 to 500; default: every candidate)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord candidates list --coalition demo\n  $ concord candidates list --coalition demo --state NY --json\n  $ concord candidates list --coalition demo --dissident',
    )
    .action(
      runCommand(
        async (
          o: CommonOptions & {
            status?: string;
            member?: string;
            state?: string;
            dissident?: boolean;
            limit?: string;
          },
        ) => {
          const {
            listCandidatePage,
            listCandidateViews,
            candidateFilterSchema,
            candidateListQuerySchema,
            pageLimitSchema,
          } = await services();
          const views = await withDatabase(({ db }) =>
            db.transaction().execute(async (trx) => {
              const actor = await resolveReader(trx, o.coalition, o.as);
              const organizationId = o.member
                ? await resolveOrganizationId(trx, actor.coalitionId, o.member)
                : undefined;
              const input = {
                status: o.status,
                organizationId,
                state: o.state,
                // The filter reads the query string's form: a flag given means "true".
                dissident: o.dissident ? 'true' : undefined,
              };
              // Without --limit every candidate, read at once (no pages to follow); with it, the first page.
              if (o.limit === undefined)
                return listCandidateViews(trx, actor, candidateFilterSchema.parse(input));
              if (!pageLimitSchema.safeParse(o.limit).success)
                throw new DomainError(
                  'invalid',
                  'cli.invalid',
                  `--limit takes a whole number from 1 to 500, not "${o.limit}".`,
                );
              const query = candidateListQuerySchema.parse({ ...input, limit: o.limit });
              return (await listCandidatePage(trx, actor, query)).candidates;
            }),
          );
          if (o.json) return printJson(views);
          for (const v of views) printCandidate(v);
        },
      ),
    );

  withCommonOptions(candidates.command('show <id>').description('One candidate'), false)
    .addHelpText('after', '\nExample:\n  $ concord candidates show 3f0c… --coalition demo --json')
    .action(
      runCommand(async (id: string, o: CommonOptions) => {
        const { getCandidate } = await services();
        const view = await withDatabase(({ db }) =>
          db
            .transaction()
            .execute(async (trx) => getCandidate(trx, await resolveReader(trx, o.coalition, o.as), id)),
        );
        if (o.json) return printJson(view);
        printCandidate(view);
      }),
    );

  withCommonOptions(
    candidates
      .command('propose')
      .description('Propose a candidate for a map race (a delegate for its own member)'),
    true,
  )
    .requiredOption('--name <name>', 'the candidate')
    .requiredOption('--race <raceId>', 'the map race (concord map races …)')
    .option('--member <member>', 'the proposing member (staff only; a delegate proposes for its own)')
    .option('--write-in-primary-won', 'NH: the candidate won another party’s primary by write-in votes')
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord candidates propose --coalition demo --as delegate.harbor-greens@demo.concord.example --name "Ana Lopes" --race <raceId>\n  $ concord candidates propose --coalition demo --as secretariat@demo.concord.example --member "Harbor Greens" --name "Ana Lopes" --race <raceId> --dry-run',
    )
    .action(
      runCommand(
        async (
          o: CommonOptions & { name: string; race: string; member?: string; writeInPrimaryWon?: boolean },
        ) => {
          const { proposeCandidate, proposeCandidateSchema } = await services();
          const view = await writeAs(o, async (db, actor) => {
            const organizationId = o.member
              ? await resolveOrganizationId(db, actor.coalitionId, o.member)
              : undefined;
            const input = proposeCandidateSchema.parse({
              name: o.name,
              raceId: o.race,
              organizationId,
              writeInPrimaryWon: o.writeInPrimaryWon,
            });
            return proposeCandidate(db, actor, input);
          });
          if (o.json) return printJson(view);
          printCandidate(view);
        },
      ),
    );

  withCommonOptions(
    candidates
      .command('line <id>')
      .description(
        'Add a line: the member’s own party line (a joint ticket), an endorsement, or the coalition’s line',
      ),
    true,
  )
    .option('--kind <kind>', 'party, endorsement or coalition', 'party')
    .option('--member <member>', 'whose line (staff only; a delegate adds its own)')
    .option('--label <label>', 'the party name on the ballot')
    .option('--not-member', 'the candidate is not enrolled in this line’s party (NY: needs Wilson-Pakula)')
    .option('--wilson-pakula', 'the line’s Wilson-Pakula authorization is recorded')
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord candidates line <id> --coalition demo --as delegate.workers-common-front@demo.concord.example\n  $ concord candidates line <id> --kind endorsement --coalition demo --as delegate.harbor-greens@demo.concord.example\n\nExit 3 with fusion.not_allowed where the state bars fusion (the message names the state and its rule); the refused attempt is recorded on the candidate’s history (candidate.fusion_refused), as over the API.',
    )
    .action(
      runCommand(
        async (
          id: string,
          o: CommonOptions & {
            kind: string;
            member?: string;
            label?: string;
            notMember?: boolean;
            wilsonPakula?: boolean;
          },
        ) => {
          const { addLine, lineInputSchema, recordRefusal } = await services();
          const view = await withDatabase(async ({ db: root }) => {
            let attempted: LineInput | undefined;
            try {
              return await runWrite(root, o.dryRun === true, async (db) => {
                const actor = await resolveCliActor(db, o.coalition, o.as);
                const organizationId = o.member
                  ? await resolveOrganizationId(db, actor.coalitionId, o.member)
                  : undefined;
                attempted = lineInputSchema.parse({
                  kind: o.kind,
                  organizationId,
                  label: o.label,
                  candidateIsMember: !o.notMember,
                  wilsonPakula: o.wilsonPakula === true,
                });
                return addLine(db, actor, id, attempted);
              });
            } catch (error) {
              // As the API does (tickets.routes.ts): the refused attempt is kept on the candidate's
              // record in its own transaction, the attempt's having rolled back. A dry run keeps nothing.
              const line = attempted;
              if (error instanceof DomainError && line && o.dryRun !== true)
                await root
                  .transaction()
                  .execute(async (trx) =>
                    recordRefusal(trx, await resolveCliActor(trx, o.coalition, o.as), id, error, line),
                  );
              throw error;
            }
          });
          if (o.json) return printJson(view);
          printCandidate(view);
        },
      ),
    );

  withCommonOptions(
    candidates
      .command('endorse <id>')
      .description('Endorse a proposed candidate (staff): directly, or by a decision if the settings say so'),
    true,
  )
    .addHelpText(
      'after',
      '\nExample:\n  $ concord candidates endorse <id> --coalition demo --as secretariat@demo.concord.example',
    )
    .action(
      runCommand(async (id: string, o: CommonOptions) => {
        const { endorseCandidate } = await services();
        const view = await writeAs(o, (db, actor) => endorseCandidate(db, actor, id));
        if (o.json) return printJson(view);
        printCandidate(view);
      }),
    );

  withCommonOptions(
    candidates
      .command('move <id> <action>')
      .description('file, certify (on the ballot), reject --reason …, elect, defeat'),
    true,
  )
    .option('--reason <reason>', 'missed_deadline, petition_short, withdrawn or disqualified (reject)')
    .option('--note <note>', 'why')
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord candidates move <id> file --coalition demo --as delegate.harbor-greens@demo.concord.example\n  $ concord candidates move <id> reject --reason petition_short --coalition demo --as secretariat@demo.concord.example',
    )
    .action(
      runCommand(
        async (id: string, action: string, o: CommonOptions & { reason?: string; note?: string }) => {
          const { transitionCandidate, transitionSchema } = await services();
          const input = transitionSchema.parse({ action, reason: o.reason, note: o.note });
          const view = await writeAs(o, (db, actor) => transitionCandidate(db, actor, id, input));
          if (o.json) return printJson(view);
          printCandidate(view);
        },
      ),
    );

  withCommonOptions(
    candidates
      .command('dispute <id>')
      .description('Open a compliance dispute on a dissident candidacy, or --resolve a decided one (staff)'),
    true,
  )
    .option('--resolve', 'carry out the decided remedy and record it')
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord candidates dispute <id> --coalition demo --as secretariat@demo.concord.example\n  $ concord candidates dispute <id> --resolve --coalition demo --as secretariat@demo.concord.example',
    )
    .action(
      runCommand(async (id: string, o: CommonOptions & { resolve?: boolean }) => {
        const { openDispute, resolveDispute } = await services();
        const view = await writeAs(o, (db, actor) =>
          o.resolve ? resolveDispute(db, actor, id) : openDispute(db, actor, id),
        );
        if (o.json) return printJson(view);
        printCandidate(view);
      }),
    );

  withCommonOptions(
    candidates.command('alerts').description('Dissident candidacies and open disputes'),
    false,
  )
    .addHelpText('after', '\nExample:\n  $ concord candidates alerts --coalition demo --json')
    .action(
      runCommand(async (o: CommonOptions) => {
        const { listAlerts } = await services();
        const alerts = await withDatabase(({ db }) =>
          db
            .transaction()
            .execute(async (trx) => listAlerts(trx, await resolveReader(trx, o.coalition, o.as))),
        );
        if (o.json) return printJson(alerts);
        for (const a of alerts)
          process.stdout.write(
            `${a.candidateId}  ${a.candidateName} (${a.dissidentMember}) in ${a.raceName}: ${a.dissident.map((d) => `${d.pactName} gave it to ${d.assignedToName}`).join('; ')}${a.dispute.decisionId ? `  dispute ${a.dispute.outcome ?? 'open'}` : ''}\n`,
          );
      }),
    );
}

function registerNationalCommands(program: Command): void {
  const tickets = program
    .command('tickets')
    .description('National split tickets and the nomination settings');

  withCommonOptions(tickets.command('list').description('National two-seat tickets by cycle'), false)
    .addHelpText('after', '\nExample:\n  $ concord tickets list --coalition demo')
    .action(
      runCommand(async (o: CommonOptions) => {
        const { listNationalTicketViews } = await services();
        const list = await withDatabase(({ db }) =>
          db
            .transaction()
            .execute(async (trx) =>
              listNationalTicketViews(trx, await resolveReader(trx, o.coalition, o.as)),
            ),
        );
        if (o.json) return printJson(list);
        for (const t of list) printTicket(t);
      }),
    );

  withCommonOptions(
    tickets.command('set').description('Set a cycle’s national ticket (staff): "Name=Member" for each seat'),
    true,
  )
    .requiredOption('--cycle <year>', 'election year')
    .requiredOption('--top <name=member>', 'the top of the ticket')
    .requiredOption('--second <name=member>', 'the second seat')
    .option('--office <office>', 'the office', 'us_president')
    .option('--request-override', 'if the split rule refuses it, put it to an override decision (2/3)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord tickets set --cycle 2028 --top "Ada Reyes=Workers\' Common Front" --second "Ben Cole=Liberal Forum" --coalition demo --as secretariat@demo.concord.example\n  $ concord tickets set --cycle 2032 … --request-override --coalition demo --as …\n\nExit 3 with ticket.split_rule when the rule refuses it (the message names the previous cycle).',
    )
    .action(
      runCommand(
        async (
          o: CommonOptions & {
            cycle: string;
            top: string;
            second: string;
            office: string;
            requestOverride?: boolean;
          },
        ) => {
          const { proposeNationalTicket, nationalTicketInputSchema } = await services();
          const view = await writeAs(o, async (db, actor) => {
            const seat = async (text: string) => {
              const [name = '', memberRef = ''] = text.split('=');
              return {
                name: name.trim(),
                organizationId: await resolveOrganizationId(db, actor.coalitionId, memberRef.trim()),
              };
            };
            const input = nationalTicketInputSchema.parse({
              cycle: Number(o.cycle),
              office: o.office,
              top: await seat(o.top),
              second: await seat(o.second),
              requestOverride: o.requestOverride === true,
            });
            return proposeNationalTicket(db, actor, input);
          });
          if (o.json) return printJson(view);
          printTicket(view);
        },
      ),
    );

  withCommonOptions(
    tickets.command('settle <id>').description('Settle a pending override once its decision closed (staff)'),
    true,
  )
    .addHelpText(
      'after',
      '\nExample:\n  $ concord tickets settle <id> --coalition demo --as secretariat@demo.concord.example',
    )
    .action(
      runCommand(async (id: string, o: CommonOptions) => {
        const { settleOverride } = await services();
        const view = await writeAs(o, (db, actor) => settleOverride(db, actor, id));
        if (o.json) return printJson(view);
        printTicket(view);
      }),
    );

  withCommonOptions(
    tickets.command('settings').description('Show or change the nomination settings (changes: staff)'),
    false,
  )
    .option('--split-ticket <on|off>', 'the national split-ticket rule')
    .option('--endorsement-by <who>', 'secretariat or decision')
    .option('--non-us-multiple-lines <on|off>', 'one candidate on several lines outside the US')
    .option(
      '--coalition-line-states <list>',
      'USPS codes where the coalition is a recognised party, comma-separated',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord tickets settings --coalition demo\n  $ concord tickets settings --split-ticket on --coalition demo --as admin@demo.concord.example',
    )
    .action(
      runCommand(
        async (
          o: CommonOptions & {
            splitTicket?: string;
            endorsementBy?: string;
            nonUsMultipleLines?: string;
            coalitionLineStates?: string;
          },
        ) => {
          const { getTicketSettings, updateTicketSettings, settingsPatchSchema } = await services();
          const patch = settingsPatchSchema.parse({
            splitTicket: o.splitTicket === undefined ? undefined : o.splitTicket === 'on',
            endorsementBy: o.endorsementBy,
            nonUsMultipleLines:
              o.nonUsMultipleLines === undefined ? undefined : o.nonUsMultipleLines === 'on',
            coalitionLineStates: o.coalitionLineStates
              ?.split(',')
              .map((s) => s.trim().toUpperCase())
              .filter(Boolean),
          });
          const changing = Object.values(patch).some((v) => v !== undefined);
          const settings = await withDatabase(({ db }) =>
            changing
              ? db
                  .transaction()
                  .execute(async (trx) =>
                    updateTicketSettings(trx, await resolveCliActor(trx, o.coalition, o.as), patch),
                  )
              : resolveReader(db, o.coalition, o.as).then((actor) =>
                  getTicketSettings(db, actor.coalitionId),
                ),
          );
          if (o.json) return printJson(settings);
          process.stdout.write(
            `${Object.entries(settings)
              .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(',') || '(none)' : v}`)
              .join('\n')}\n`,
          );
        },
      ),
    );
}

function registerResultCommands(program: Command): void {
  const results = program
    .command('results')
    .description('Candidate results per race and line, and the pact report');

  withCommonOptions(
    results
      .command('import <file>')
      .description(
        'Import results (CSV: election,jurisdiction,office,candidate,line,votes), all or nothing (staff)',
      ),
    true,
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord results import mi-2026.csv --coalition demo --as secretariat@demo.concord.example --dry-run\n  $ concord results import mi-2026.csv --coalition demo --as secretariat@demo.concord.example\n\nOne row per candidate and ballot line; jurisdiction is kind:code (state_legislative_district:MI-HD-1). Exit 2 listing every bad row (row, field, why); nothing is saved.',
    )
    .action(
      runCommand(async (file: string, o: CommonOptions) => {
        const { importResults } = await services();
        const text = await readFile(file, 'utf8');
        const report = await writeAs(o, (db, actor) =>
          importResults(db, actor, { file: basename(file), text, dryRun: o.dryRun === true }),
        );
        if (o.json) return printJson(report);
        process.stdout.write(
          `${report.rows} rows in ${report.races} races; ${report.matchedCandidates} coalition candidates matched\n`,
        );
        for (const s of report.statusChanges) process.stdout.write(`  ${s.name}: ${s.to}\n`);
      }),
    );

  withCommonOptions(
    results
      .command('report')
      .description('Per ratified pact: wins against expected wins, costly losses; line retention'),
    false,
  )
    .addHelpText('after', '\nExample:\n  $ concord results report --coalition demo --json')
    .action(
      runCommand(async (o: CommonOptions) => {
        const { pactResultsReport } = await services();
        const report = await withDatabase(({ db }) =>
          db
            .transaction()
            .execute(async (trx) => pactResultsReport(trx, await resolveReader(trx, o.coalition, o.as))),
        );
        if (o.json) return printJson(report);
        for (const p of report.pacts) {
          process.stdout.write(`${p.pactName} (version ${p.version})\n`);
          for (const m of p.members)
            process.stdout.write(
              `  ${m.name.padEnd(28)} won ${m.won} of ${m.assigned}, expected ${m.expectedWins.toFixed(2)}\n`,
            );
          for (const l of p.costlyLosses)
            process.stdout.write(
              `  lost ${l.raceKey} by ${l.margin}; ${l.takenBy.map((t) => `${t.name} (${t.memberName}, ${t.why.replaceAll('_', ' ')}) took ${t.votes}`).join(', ')}\n`,
            );
        }
        for (const r of report.retention)
          process.stdout.write(
            `${r.statePo} ${r.line}: ${r.verdict.kind}${r.verdict.threshold === null ? '' : ` (needs ${r.verdict.threshold}, got ${r.lineVotes})`}${r.verdict.kind === 'manual' ? ` — ${r.verdict.reason} Rule: ${r.verdict.ruleText}` : ''}\n`,
          );
      }),
    );
}
