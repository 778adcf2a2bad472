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
import { checkAdmission } from './admission.service.ts';
import { getCharterStatus, ratifyCharter } from './charter.service.ts';
import { submitEvidence, verifyEvidence } from './evidence.service.ts';
import {
  createOrganization,
  getOrganizationDetail,
  listOrganizationViews,
  withdrawOrganization,
} from './organizations.service.ts';
import {
  createOrganizationSchema,
  evidenceInputSchema,
  organizationsFilterSchema,
} from './registry.schema.ts';

export function registerRegistryCommands(program: Command): void {
  const org = program
    .command('org')
    .description('Member organizations: list, show, apply, withdraw, admission check');

  withCommonOptions(org.command('list').description('List the organizations of a coalition'), false)
    .option('--status <status>', 'applicant, member, suspended, expelled or withdrawn')
    .option('--position <band>', "left, centre, right or undeclared (the directory's position bands)")
    .option('--search <text>', 'only names containing this text')
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord org list --coalition demo\n  $ concord org list --coalition demo --status applicant --json',
    )
    .action(
      runCommand(async (o: CommonOptions & { status?: string; position?: string; search?: string }) => {
        // Every matching row: the terminal reads the database directly, where a page buys nothing.
        const filter = parseWith(organizationsFilterSchema, {
          status: o.status,
          position: o.position,
          q: o.search,
        });
        const orgs = await withDatabase(async ({ db }) =>
          listOrganizationViews(db, await resolveReader(db, o.coalition, o.as), filter),
        );
        if (o.json) return printJson(orgs);
        for (const x of orgs) {
          const position = x.position === null ? '     ' : x.position.toFixed(2).padStart(5);
          process.stdout.write(
            `${x.id}  ${x.status.padEnd(9)} ${x.kind.padEnd(14)} ${position}  ${x.charterRatified ? 'ratified' : '        '}  ${x.name}\n`,
          );
        }
      }),
    );

  withCommonOptions(
    org
      .command('show <organization>')
      .description('One organization (id or name) with evidence, delegates and history'),
    false,
  )
    .addHelpText('after', '\nExample:\n  $ concord org show "Harbor Greens" --coalition demo')
    .action(
      runCommand(async (ref: string, o: CommonOptions) => {
        const detail = await withDatabase(async ({ db }) => {
          const actor = await resolveReader(db, o.coalition, o.as);
          return getOrganizationDetail(db, actor, await resolveOrganizationId(db, actor.coalitionId, ref));
        });
        if (o.json) return printJson(detail);
        process.stdout.write(`${detail.name} (${detail.kind}, ${detail.status}) ${detail.id}\n`);
        process.stdout.write(
          `position: ${detail.position ?? 'not declared'}; charter ratified: ${detail.charterRatified ? 'yes' : 'no'}\n`,
        );
        for (const e of detail.evidence) {
          process.stdout.write(
            `  ${e.metric} ${e.value} as of ${e.asOf} (${e.source})${e.verified ? ' verified' : ''}  ${e.id}\n`,
          );
        }
        for (const h of detail.history)
          process.stdout.write(`  ${h.at} ${h.fromStatus ?? '-'} → ${h.toStatus} (${h.reason}) ${h.note}\n`);
      }),
    );

  withCommonOptions(
    org
      .command('apply')
      .description('Record an application (staff) or a founding member (admin, --founding)'),
    true,
  )
    .requiredOption('--name <name>', 'organization name')
    .requiredOption('--kind <kind>', 'party, movement, pressure_group, chapter or federation')
    .option('--position <number>', 'self-declared position from -1 (left) to 1 (right)')
    .option('--parent <organization>', 'the member a chapter belongs to (id or name)')
    .option('--founding', 'register directly as a founding member (only until the first decision closes)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ concord org apply --coalition demo --as secretariat@demo.concord.example --name "Valley Farmers League" --kind movement --position 0.1\n  $ concord org apply --coalition demo --as admin@demo.concord.example --name "Riverside Chapter" --kind chapter --parent "Harbor Greens" --dry-run',
    )
    .action(
      runCommand(
        async (
          o: CommonOptions & {
            name: string;
            kind: string;
            position?: string;
            parent?: string;
            founding?: boolean;
          },
        ) => {
          const created = await withDatabase(async ({ db }) => {
            const actor = await resolveCliActor(db, o.coalition, o.as);
            const parentId = o.parent
              ? await resolveOrganizationId(db, actor.coalitionId, o.parent)
              : undefined;
            const input = parseWith(createOrganizationSchema, {
              name: o.name,
              kind: o.kind,
              position: o.position === undefined ? undefined : Number(o.position),
              parentId,
              founding: o.founding,
            });
            return runWrite(db, o.dryRun === true, (trx) => createOrganization(trx, actor, input));
          });
          if (o.json) return printJson(created);
          process.stdout.write(`${created.status}: ${created.name} (${created.id})\n`);
        },
      ),
    );

  withCommonOptions(
    org.command('withdraw <organization>').description('Record a withdrawal (its delegate, or staff)'),
    true,
  )
    .requiredOption('--note <text>', 'why, or a reference to the letter')
    .addHelpText(
      'after',
      '\nExample:\n  $ concord org withdraw "Valley Farmers League" --coalition demo --as secretariat@demo.concord.example --note "Letter of 2026-11-20"',
    )
    .action(
      runCommand(async (ref: string, o: CommonOptions & { note: string }) => {
        const result = await withDatabase(async ({ db }) => {
          const actor = await resolveCliActor(db, o.coalition, o.as);
          const id = await resolveOrganizationId(db, actor.coalitionId, ref);
          return runWrite(db, o.dryRun === true, (trx) => withdrawOrganization(trx, actor, id, o.note));
        });
        if (o.json) return printJson(result);
        process.stdout.write(`${result.from} → ${result.to}\n`);
      }),
    );

  withCommonOptions(
    org
      .command('check <organization>')
      .description('Judge an applicant against the admission rule (exit 3 when it fails)'),
    false,
  )
    .addHelpText('after', '\nExample:\n  $ concord org check "Valley Farmers League" --coalition demo')
    .action(
      runCommand(async (ref: string, o: CommonOptions) => {
        const verdict = await withDatabase(async ({ db }) => {
          const actor = await resolveReader(db, o.coalition, o.as);
          return checkAdmission(db, actor, await resolveOrganizationId(db, actor.coalitionId, ref));
        });
        if (o.json) printJson(verdict);
        else {
          process.stdout.write(`rule: ${verdict.summary}\n${verdict.passed ? 'PASSES' : 'FAILS'}\n`);
          for (const c of verdict.checks) {
            process.stdout.write(
              `  ${c.passed ? 'ok  ' : 'FAIL'} ${c.rule}: has ${c.actual ?? 'nothing'}${c.passed ? '' : `, short by ${c.shortBy}`}\n`,
            );
          }
        }
        if (!verdict.passed) process.exitCode = 3;
      }),
    );

  const evidence = program.command('evidence').description('Strength evidence: submit and verify');
  withCommonOptions(
    evidence.command('add <organization>').description('Submit a figure (its delegate, or staff)'),
    true,
  )
    .requiredOption('--metric <metric>', 'members, votes, ballot_lines, officeholders or signatures')
    .requiredOption('--value <n>', 'the figure')
    .requiredOption('--as-of <date>', 'YYYY-MM-DD the figure refers to')
    .requiredOption('--source <text>', 'where it comes from')
    .addHelpText(
      'after',
      '\nExample:\n  $ concord evidence add "Valley Farmers League" --coalition demo --as secretariat@demo.concord.example --metric members --value 640 --as-of 2026-11-01 --source "membership register"',
    )
    .action(
      runCommand(
        async (
          ref: string,
          o: CommonOptions & { metric: string; value: string; asOf: string; source: string },
        ) => {
          const input = parseWith(evidenceInputSchema, {
            metric: o.metric,
            value: Number(o.value),
            asOf: o.asOf,
            source: o.source,
          });
          const row = await withDatabase(async ({ db }) => {
            const actor = await resolveCliActor(db, o.coalition, o.as);
            const id = await resolveOrganizationId(db, actor.coalitionId, ref);
            return runWrite(db, o.dryRun === true, (trx) => submitEvidence(trx, actor, id, input));
          });
          if (o.json) return printJson(row);
          process.stdout.write(`submitted ${row.metric} ${row.value} as of ${row.asOf}: ${row.id}\n`);
        },
      ),
    );
  withCommonOptions(
    evidence.command('verify <organization> <evidenceId>').description('Mark a figure verified (staff)'),
    true,
  )
    .addHelpText(
      'after',
      '\nExample:\n  $ concord evidence verify "Valley Farmers League" <evidence-uuid> --coalition demo --as secretariat@demo.concord.example',
    )
    .action(
      runCommand(async (ref: string, evidenceId: string, o: CommonOptions) => {
        const row = await withDatabase(async ({ db }) => {
          const actor = await resolveCliActor(db, o.coalition, o.as);
          const id = await resolveOrganizationId(db, actor.coalitionId, ref);
          return runWrite(db, o.dryRun === true, (trx) => verifyEvidence(trx, actor, id, evidenceId));
        });
        if (o.json) return printJson(row);
        process.stdout.write(`verified ${row.metric} ${row.value} as of ${row.asOf}\n`);
      }),
    );

  const charter = program.command('charter').description('The charter: show who ratified, ratify');
  withCommonOptions(
    charter.command('show').description('The current charter and who has and has not ratified it'),
    false,
  )
    .addHelpText('after', '\nExample:\n  $ concord charter show --coalition demo')
    .action(
      runCommand(async (o: CommonOptions) => {
        const status = await withDatabase(async ({ db }) =>
          getCharterStatus(db, await resolveReader(db, o.coalition, o.as)),
        );
        if (o.json) return printJson(status);
        if (!status.current) return void process.stdout.write('no charter yet\n');
        process.stdout.write(`charter version ${status.current.version}\n`);
        for (const [i, p] of status.current.planks.entries())
          process.stdout.write(`  ${i + 1}. ${p.title}: ${p.text}\n`);
        process.stdout.write(`ratified by: ${status.ratified.map((r) => r.name).join(', ') || 'nobody'}\n`);
        process.stdout.write(
          `not ratified: ${status.notRatified.map((r) => r.name).join(', ') || 'nobody'}\n`,
        );
      }),
    );
  withCommonOptions(
    charter
      .command('ratify <organization>')
      .description('Ratify the current charter for your organization (delegate)'),
    true,
  )
    .addHelpText(
      'after',
      '\nExample:\n  $ concord charter ratify "Harbor Greens" --coalition demo --as delegate.harbor-greens@demo.concord.example',
    )
    .action(
      runCommand(async (ref: string, o: CommonOptions) => {
        const result = await withDatabase(async ({ db }) => {
          const actor = await resolveCliActor(db, o.coalition, o.as);
          const id = await resolveOrganizationId(db, actor.coalitionId, ref);
          return runWrite(db, o.dryRun === true, (trx) => ratifyCharter(trx, actor, id));
        });
        if (o.json) return printJson(result);
        process.stdout.write(
          `charter version ${result.version} ${result.recorded ? 'ratified' : 'was already ratified'}\n`,
        );
      }),
    );
}
