import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { withDatabase } from '../../../cli/database.ts';
import { runCommand } from '../../../cli/run-command.ts';
import type { Actor } from '../../../core/actor.ts';
import { DomainError, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/database.ts';
import type { ImportReport } from './changes.ts';
import { findCoalitionBySlug } from './import.repository.ts';
import { applyRaceFile, importDistricts, readRaceFile } from './import.service.ts';
import { formatProblem, type ImportProblem } from './problems.ts';

/** Whoever runs the CLI holds the database: they import as an admin of the coalition named. */
async function operatorOf(db: Db, slug: string): Promise<Actor> {
  const coalition = await findCoalitionBySlug(db, slug);
  if (!coalition) throw notFound('coalition.not_found', `No coalition "${slug}".`);
  return { userId: 'cli', coalitionId: coalition.id, organizationId: null, role: 'admin' };
}

function printReport(report: ImportReport): void {
  process.stdout.write(`${report.dryRun ? 'dry run (nothing written)' : 'imported'}: ${report.file}\n`);
  for (const [name, c] of Object.entries(report.changes)) {
    const removed = c.removed > 0 ? `, ${c.removed} removed` : '';
    process.stdout.write(
      `  ${name.padEnd(14)} ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged${removed}\n`,
    );
  }
  for (const note of report.notes) process.stdout.write(`  note: ${note}\n`);
}

/** Prints every problem of a refused import, one per line, and sets exit code 2. */
async function reportingProblems(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'import.invalid') throw error;
    const problems = (error.details?.problems ?? []) as ImportProblem[];
    for (const problem of problems) process.stderr.write(`${formatProblem(problem)}\n`);
    const total = Number(error.details?.total ?? problems.length);
    const more = total > problems.length ? ` (first ${problems.length} shown)` : '';
    process.stderr.write(`${total} problem(s)${more}: nothing imported\n`);
    process.exitCode = 2;
  }
}

export function registerImportCommands(program: Command): void {
  const map = program.command('map').description('A coalition’s own electoral map data');
  const imports = map
    .command('import')
    .description('Import races, results and districts (validated; all or nothing)');

  imports
    .command('races')
    .description('Import races and results from a CSV file into a coalition')
    .argument('<file>', 'CSV with election, election_date, office, jurisdiction_kind, jurisdiction_code, …')
    .requiredOption('--coalition <slug>', 'the coalition that owns the data')
    .option('--dry-run', 'validate and show what would change; write nothing')
    .addHelpText(
      'after',
      `
Columns (header row): election, election_date, office, jurisdiction_kind, jurisdiction_code
(required); election_name, stage, jurisdiction_name, parent (kind:code), seats, filing_deadline,
candidate, party, line, votes, total_votes. One row per race or per candidate line.

Examples:
  $ concord map import races council-2026.csv --coalition demo --dry-run
  $ concord map import races council-2026.csv --coalition demo`,
    )
    .action(
      runCommand(async (file: string, options: { coalition: string; dryRun?: boolean }) => {
        await reportingProblems(async () => {
          const report = await withDatabase(async ({ db }) => {
            const actor = await operatorOf(db, options.coalition);
            // Streamed row by row: the file is never held whole in memory.
            const checked = await readRaceFile(actor, basename(file), createReadStream(file));
            return db
              .transaction()
              .execute(async (trx) => applyRaceFile(trx, actor, checked, options.dryRun === true));
          });
          printReport(report);
        });
      }),
    );

  imports
    .command('districts')
    .description('Import districts (GeoJSON FeatureCollection or TopoJSON) into a coalition')
    .argument('<file>', 'a .geojson / .json / .topojson file in longitude/latitude')
    .requiredOption('--coalition <slug>', 'the coalition that owns the districts')
    .option('--kind <kind>', 'kind of every district, e.g. municipality, ward, state_legislative_district')
    .option('--code-property <name>', 'feature property holding the code', 'code')
    .option('--name-property <name>', 'feature property holding the name', 'name')
    .option('--parent <kind:code>', 'parent of every district, e.g. state:06')
    .option('--object <name>', 'TopoJSON object to read (default: the only one)')
    .option('--dry-run', 'validate and show what would change; write nothing')
    .addHelpText(
      'after',
      `
Examples:
  $ concord map import districts wards.geojson --coalition demo --kind ward --parent county:06075 --dry-run
  $ concord map import districts council.topojson --coalition demo --kind municipality --object districts \\
      --code-property DISTRICT --name-property LABEL`,
    )
    .action(
      runCommand(
        async (
          file: string,
          options: {
            coalition: string;
            kind?: string;
            codeProperty?: string;
            nameProperty?: string;
            parent?: string;
            object?: string;
            dryRun?: boolean;
          },
        ) => {
          const text = await readFile(file, 'utf8');
          await reportingProblems(async () => {
            const report = await withDatabase(async ({ db }) =>
              db.transaction().execute(async (trx) =>
                importDistricts(trx, await operatorOf(trx, options.coalition), {
                  file: basename(file),
                  text,
                  dryRun: options.dryRun === true,
                  options: {
                    kind: options.kind,
                    codeProperty: options.codeProperty,
                    nameProperty: options.nameProperty,
                    parent: options.parent,
                    object: options.object,
                  },
                }),
              ),
            );
            printReport(report);
          });
        },
      ),
    );
}
