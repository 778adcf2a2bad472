import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
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
import { createDriveSchema, importKindSchema } from './petitions.schema.ts';

// Services load inside the actions: every `concord` run registers these commands.
const services = () =>
  Promise.all([
    import('./requirements.service.ts'),
    import('./drives.service.ts'),
    import('./entries.service.ts'),
  ]);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number | null) => (x === null ? '—' : Math.round(x).toLocaleString('en-US'));

/** `concord petitions …`: requirements, drives, and CSV imports of packets, checks and signer lines. */
export function registerPetitionCommands(program: Command): void {
  const petitions = program
    .command('petitions')
    .description('Ballot access: requirements, petition drives, packets and checks');

  withCommonOptions(
    petitions
      .command('requirements')
      .description('List ballot-access requirements (shipped and the coalition\u2019s own)'),
    false,
  )
    .option('--country <code>', 'only this country (e.g. US)')
    .option('--kind <kind>', 'party_recognition | independent_candidate | initiative | candidacy | other')
    .action(
      runCommand(async (o: CommonOptions & { country?: string; kind?: string }) => {
        const [{ listRequirements }] = await services();
        const rows = await withDatabase(async ({ db }) =>
          listRequirements(db, await resolveReader(db, o.coalition, o.as), {
            country: o.country,
            kind: o.kind,
          }),
        );
        if (o.json) return printJson(rows);
        for (const r of rows) {
          process.stdout.write(
            `${r.key ?? r.id}\t${r.title}\t${num(r.signatures)}\t${r.numberStatus}\t${r.computation}\n`,
          );
        }
      }),
    );

  const drive = petitions.command('drive').description('Petition drives');
  withCommonOptions(drive.command('create').description('Start a drive toward a requirement'), true)
    .requiredOption('--requirement <key-or-id>', 'requirement key (e.g. us-id-party) or id')
    .requiredOption('--name <name>', 'drive name')
    .requiredOption('--start <day>', 'first day of collection (YYYY-MM-DD)')
    .requiredOption('--due <day>', 'day the petition is due (YYYY-MM-DD)')
    .option(
      '--member <organization>',
      'member running the drive (name or id); a delegate defaults to its own',
    )
    .option('--candidate <name>', 'the drive is for a candidate')
    .option('--initiative <title>', 'the drive is for an initiative')
    .option('--required <n>', 'valid signatures required (default: the requirement\u2019s number)')
    .option('--validity <rate>', 'expected validity (default 0.79)')
    .option('--margin <factor>', 'safety margin (default 1.10)')
    .option('--cure-days <n>', 'days to cure after the due day')
    .action(
      runCommand(
        async (
          o: CommonOptions & {
            requirement: string;
            name: string;
            start: string;
            due: string;
            member?: string;
            candidate?: string;
            initiative?: string;
            required?: string;
            validity?: string;
            margin?: string;
            cureDays?: string;
          },
        ) => {
          const [{ findRequirementOr404 }, { createDrive }] = await services();
          const created = await withDatabase(async ({ db }) => {
            const actor = await resolveCliActor(db, o.coalition, o.as);
            const requirement = await findRequirementOr404(db, actor, o.requirement);
            const input = parseWith(createDriveSchema, {
              organizationId: o.member
                ? await resolveOrganizationId(db, actor.coalitionId, o.member)
                : undefined,
              requirementId: requirement.id,
              name: o.name,
              target: o.candidate
                ? { kind: 'candidate', name: o.candidate }
                : o.initiative
                  ? { kind: 'initiative', name: o.initiative }
                  : { kind: 'member' },
              required: o.required === undefined ? undefined : Number(o.required),
              expectedValidity: o.validity === undefined ? undefined : Number(o.validity),
              safetyMargin: o.margin === undefined ? undefined : Number(o.margin),
              startDay: o.start,
              dueDay: o.due,
              cureDays: o.cureDays === undefined ? undefined : Number(o.cureDays),
            });
            return runWrite(db, o.dryRun === true, (trx) => createDrive(trx, actor, input));
          });
          if (o.json) return printJson(created);
          process.stdout.write(`${created.id}\t${created.name}\ttarget ${created.targetArithmetic}\n`);
        },
      ),
    );

  withCommonOptions(
    drive.command('show <drive-id>').description('A drive\u2019s projection, validity and circulators'),
    false,
  ).action(
    runCommand(async (id: string, o: CommonOptions) => {
      const [, { getDrive }] = await services();
      const detail = await withDatabase(async ({ db }) =>
        getDrive(db, await resolveReader(db, o.coalition, o.as), id),
      );
      if (o.json) return printJson(detail);
      const p = detail.projection;
      process.stdout.write(
        `${detail.drive.name}: ${num(detail.drive.collectedRaw)} raw of target ${num(detail.drive.targetRaw)}; ` +
          `projected valid ${num(p.validAtDeadline.mean)} (95%: ${num(p.validAtDeadline.low)}–${num(p.validAtDeadline.high)}) ` +
          `of ${num(detail.drive.required)} required; P(qualify) ${pct(p.probabilityQualifying)}\n`,
      );
      for (const step of p.verdict.steps) process.stdout.write(`  ${step}\n`);
      for (const c of detail.circulators ?? []) {
        process.stdout.write(
          `  ${c.name}\t${c.validity.rate === null ? '—' : pct(c.validity.rate)}\t${c.outlier.flagged ? `FLAG ${c.outlier.reason}` : ''}\n`,
        );
      }
    }),
  );

  withCommonOptions(
    petitions
      .command('import <drive-id> <kind> <file>')
      .description('Import packets, checks or lines (signer names and addresses) from CSV: all or nothing'),
    true,
  ).action(
    runCommand(async (id: string, kind: string, file: string, o: CommonOptions) => {
      const parsedKind = importKindSchema.safeParse(kind);
      if (!parsedKind.success)
        throw invalid('cli.invalid', `kind must be packets, checks or lines (got "${kind}")`);
      const [, , { importCsv }] = await services();
      const text = await readFile(file, 'utf8').catch(() => {
        throw invalid('cli.file_unreadable', `Cannot read ${file}.`, { file });
      });
      const rows = await withDatabase(async ({ db }) => {
        const actor = await resolveCliActor(db, o.coalition, o.as);
        return runWrite(db, o.dryRun === true, (trx) =>
          importCsv(trx, actor, id, parsedKind.data, basename(file), text),
        );
      });
      if (o.json) return printJson({ kind, rows, dryRun: o.dryRun === true });
      process.stdout.write(
        `${rows} ${kind} row(s) ${o.dryRun ? 'checked (dry run: nothing saved)' : 'imported'}\n`,
      );
    }),
  );
}
