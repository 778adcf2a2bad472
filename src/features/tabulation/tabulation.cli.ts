import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { runCommand } from '../../cli/run-command.ts';
import { DomainError, invalid } from '../../core/errors.ts';
import { duplicateRules, methods, overvoteRules, tiebreakRules } from '../../core/tabulate/index.ts';
import type { BallotSource } from './ballot-source.ts';
import { formatTabulation } from './tabulation.format.ts';
import { parseTabulationOptions, tabulateBallotFile } from './tabulation.service.ts';

interface TabulateFlags {
  method?: string;
  seats?: string;
  overvote?: string;
  maxSkipped?: string;
  duplicate?: string;
  tiebreak?: string;
  seed?: string;
  candidates?: string;
  batchElimination?: boolean;
  continueUntilTwo?: boolean;
  precision?: string;
  json?: boolean;
}

/** The file's chunks; `-` is stdin. An unreadable file becomes a coded error, not a stack trace. */
async function* fileChunks(file: string): AsyncGenerator<Uint8Array> {
  const stream = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid('ballot.file_unreadable', `cannot read ${file}: ${reason}`, { file, reason });
  }
}

/** `--candidates "A,B,C"`: split on commas, the names trimmed (a name cannot contain a comma here). */
const candidateList = (flag: string | undefined) => (flag === undefined ? undefined : flag.split(','));

export function registerTabulationCommands(program: Command): void {
  program
    .command('tabulate')
    .description(
      'Count a ballot file: IRV, STV (Scottish, Meek), Schulze, approval… (see docs/tabulation.md)',
    )
    .argument('<file>', 'ballot file, CSV (weight?,rank1,rank2,…) or JSON; - reads stdin')
    .option('--method <method>', `counting method: ${methods.join('|')}`, 'irv')
    .option('--seats <n>', 'seats to fill', '1')
    .option('--overvote <rule>', `an overvote (A=B in one cell): ${overvoteRules.join('|')}`, 'exhaust')
    .option(
      '--max-skipped <n>',
      'consecutive skipped ranks before a ballot exhausts: N|unlimited',
      'unlimited',
    )
    .option('--duplicate <rule>', `a candidate ranked again: ${duplicateRules.join('|')}`, 'skip')
    .option(
      '--tiebreak <rule>',
      `${tiebreakRules.join('|')} (previous-round falls back to random)`,
      'previous-round',
    )
    .option('--seed <seed>', 'seed of random tiebreaks (announce it before the count)', 'concord')
    .option('--candidates <names>', 'comma-separated candidate list: others are errors; fixes the order')
    .option(
      '--batch-elimination',
      'eliminate together all candidates who cannot catch up (IRV, bottoms-up, Meek)',
    )
    .option('--continue-until-two', 'IRV: go on eliminating until two candidates remain')
    .option('--precision <digits>', 'Meek: decimals of keep factors and transfers', '9')
    .option(
      '--json',
      'print the result as JSON (method, seats, candidates, winners, ranking, rounds, tiebreaks, …)',
    )
    .addHelpText(
      'after',
      `
Each CSV row is a ballot: an optional weight (default 1), then one candidate per rank;
an empty cell skips a rank, "A=B" is an overvote. Without --candidates the candidates are
the names found, sorted. Exit codes: 0 counted; 2 invalid file or options (row, column and
reason on stderr, nothing counted); 3 the count stopped on a tie (--tiebreak stop).

Examples:
  $ concord tabulate ballots.csv
  $ concord tabulate ballots.csv --method stv --seats 3 --json > result.json
  $ concord tabulate ballots.csv --method meek --seats 5 --precision 12
  $ concord tabulate ballots.csv --overvote exhaust-if-multiple --max-skipped 1 --duplicate exhaust
  $ concord tabulate ballots.json --method schulze --tiebreak random --seed 2026-05-01
  $ cat ballots.csv | concord tabulate - --candidates "Ada,Grace,Linus" --json | jq .winners`,
    )
    .action(
      runCommand(async (file: string, flags: TabulateFlags) => {
        const source: BallotSource = fileChunks(file);
        const settings = parseTabulationOptions({
          method: flags.method,
          seats: flags.seats,
          overvote: flags.overvote,
          maxSkipped: flags.maxSkipped,
          duplicate: flags.duplicate,
          tiebreak: flags.tiebreak,
          seed: flags.seed,
          candidates: candidateList(flags.candidates),
          batchElimination: flags.batchElimination === true,
          continueUntilTwo: flags.continueUntilTwo === true,
          precision: flags.precision,
        });
        const result = await tabulateBallotFile(source, settings);
        process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatTabulation(result));
        if (result.outcome.kind === 'tie') process.exitCode = 3;
      }),
    );
}
