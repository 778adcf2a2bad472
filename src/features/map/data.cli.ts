import type { Command } from 'commander';
import { withDatabase } from '../../cli/database.ts';
import { runCommand } from '../../cli/run-command.ts';
import { checkDatasets, formatCheckReport } from './data-check.ts';
import { prepareDatasets } from './datasets/dataset-files.ts';
import { datasets } from './datasets/registry.ts';
import { listDatasetFingerprints } from './load.repository.ts';
import { loadReferenceData } from './load.service.ts';
import { terminalProgress } from './progress-bar.ts';

const datasetIds = () => datasets.map((d) => d.id).join(', ');

/** `concord data load` and `concord data check`: the shipped public datasets. */
export function registerDataCommands(program: Command): void {
  const data = program.command('data').description('The shipped public election datasets (data/)');

  data
    .command('load')
    .description('Load the shipped datasets into the database (idempotent: unchanged datasets are skipped)')
    .option('--only <ids...>', `load only these datasets (${datasetIds()})`)
    .option('--force', 'reload even the datasets whose files have not changed')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ concord data load                                 # everything; a second run changes nothing
  $ concord data load --only us-president-2024-county us-president-2024-state
  $ DATABASE_URL=postgres://postgres@127.0.0.1/concord concord data load --force`,
    )
    .action(
      runCommand(async (options: { only?: string[]; force?: boolean; json?: boolean }) => {
        const started = performance.now();
        const prepared = await prepareDatasets(options.only);
        const progress = terminalProgress();
        const reports = await withDatabase(async ({ db }) => {
          try {
            return await db
              .transaction()
              .execute((trx) =>
                loadReferenceData(trx, prepared, { force: options.force === true, progress }),
              );
          } finally {
            progress?.stop();
          }
        });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ seconds: Number(seconds), datasets: reports }, null, 2)}\n`,
          );
          return;
        }
        for (const report of reports) {
          const detail =
            report.status === 'loaded'
              ? `${report.counts.units ?? 0} units, ${report.counts.votes ?? 0} vote rows, ${report.issues} issues`
              : 'files unchanged since the last load';
          process.stdout.write(`${report.status.padEnd(9)} ${report.id.padEnd(32)} ${detail}\n`);
        }
        const loaded = reports.filter((r) => r.status === 'loaded').length;
        process.stdout.write(`${loaded} of ${reports.length} datasets loaded in ${seconds} s\n`);
      }),
    );

  data
    .command('check')
    .description(
      'Report what each dataset mapped, rolled up, kept separate or could not join (by reason), and county sums vs state totals',
    )
    .option('--dataset <ids...>', 'check only these datasets')
    .option('--verbose', 'list every subject and an example message per reason')
    .option('--json', 'print the report as JSON')
    .option('--no-db', 'do not compare with what the database has loaded')
    .addHelpText(
      'after',
      `
Reasons are grouped by resolution: unmapped (did not join: listed, never dropped), kept_separate,
rolled_up, mapped (crosswalk), excluded (not votes) and noted (caveats).

Examples:
  $ concord data check
  $ concord data check --dataset us-president-2024-county --verbose
  $ concord data check --json --no-db | jq '.totals'`,
    )
    .action(
      runCommand(async (options: { dataset?: string[]; verbose?: boolean; json?: boolean; db?: boolean }) => {
        const prepared = await prepareDatasets(options.dataset);
        const report = checkDatasets(prepared);
        const loaded =
          options.db === false
            ? undefined
            : await withDatabase(
                async ({ db }) =>
                  new Map((await listDatasetFingerprints(db)).map((d) => [d.id, d.fingerprint])),
                {
                  quiet: options.json === true,
                },
              );
        const status = (id: string, fingerprint: string) =>
          !loaded
            ? undefined
            : loaded.get(id) === fingerprint
              ? 'loaded'
              : loaded.has(id)
                ? 'stale'
                : 'not loaded';
        if (options.json) {
          const withStatus = report.datasets.map((d) => {
            const p = prepared.find((x) => x.definition.id === d.id);
            return { ...d, database: p ? status(d.id, p.fingerprint) : undefined };
          });
          process.stdout.write(`${JSON.stringify({ ...report, datasets: withStatus }, null, 2)}\n`);
          return;
        }
        process.stdout.write(formatCheckReport(report, { verbose: options.verbose === true }));
        if (loaded) {
          const lines = prepared.map(
            (p) => `  ${p.definition.id.padEnd(32)} ${status(p.definition.id, p.fingerprint)}`,
          );
          process.stdout.write(`\ndatabase:\n${lines.join('\n')}\n`);
        }
      }),
    );
}
