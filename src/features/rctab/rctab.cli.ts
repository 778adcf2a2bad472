import { readSync } from 'node:fs';
import type { Command } from 'commander';
import { runCommand } from '../../cli/run-command.ts';
import { TiebreakUnavailable } from '../../core/rctab/tiebreak.ts';
import type { TiebreakQuestion } from '../../core/rctab/types.ts';
import { countRctab } from './rctab.service.ts';

interface RctabFlags {
  out?: string;
  convertToCdf?: boolean;
  tiebreakAnswers?: string[];
  json?: boolean;
}

export function registerRctabCommands(program: Command): void {
  program
    .command('rctab')
    .description("Run an RCTab contest config and write RCTab's reports (see docs/rctab.md)")
    .argument('<config>', 'RCTab config file (JSON); cast vote record paths are relative to it')
    .option('--out <dir>', "report folder (default: the config's outputDirectory, relative to the config)")
    .option(
      '--convert-to-cdf',
      'write the cast vote records as NIST CDF JSON (cdf_cvr.json) without counting',
    )
    .option(
      '--tiebreak-answers <names...>',
      'answers for stopCountingAndAsk / previousRoundCountsThenAsk ties, in the order the ties come',
    )
    .option('--json', 'print what was written (winners per pass, files) as JSON')
    .addHelpText(
      'after',
      `
Writes detailed_report.json (RCTab's URCVT JSON) and detailed_report.csv, per-precinct or per-batch
reports under "Tabulate by Precinct|Batch/" when the config asks, cdf_cvr.json when generateCdfJson
is set, and rctab_cvr.csv (every ballot as RCTab reads it). Multi-pass IRV writes 1_…, 2_… per seat.
Readers: ES&S .xlsx, Dominion folders, NIST CDF .json/.xml, Clear Ballot CSV, Hart XML folders, generic CSV.

Exit codes: 0 counted; 2 invalid config (each bad key named) or unreadable ballots (file, row, reason);
3 the count stopped (a tie that needs an operator's answer, or data RCTab would refuse).

Examples:
  concord rctab contests/mayor_config.json
  concord rctab mayor_config.json --out /tmp/mayor-report --json
  concord rctab council_config.json --tiebreak-answers "Jane Doe" "John Roe"
  concord rctab mayor_config.json --convert-to-cdf --out /tmp/cdf`,
    )
    .action(
      runCommand(async (config: string, flags: RctabFlags) => {
        const answers = [...(flags.tiebreakAnswers ?? [])];
        const run = await countRctab(config, {
          ...(flags.out ? { outDir: flags.out } : {}),
          convertToCdf: flags.convertToCdf === true,
          askTiebreak: (question) => answers.shift() ?? askOnTerminal(question),
        });
        const files = run.converted
          ? [run.converted]
          : [...(run.rctabCvr ? [run.rctabCvr] : []), ...run.passes.flatMap((pass) => pass.files)];
        const winners = run.passes.at(-1)?.winners ?? [];
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify({ outDir: run.outDir, winners, passes: run.passes.length, files }, null, 2)}\n`,
          );
          return;
        }
        if (run.converted) process.stdout.write(`converted: ${run.converted}\n`);
        else process.stdout.write(`winner(s): ${winners.join(', ')}\nreports in ${run.outDir}\n`);
      }),
    );
}

/**
 * Asks the operator on the terminal, as RCTab's command line does; with no terminal to ask, the
 * count stops and says which answers to pass.
 */
function askOnTerminal(question: TiebreakQuestion): string {
  if (!process.stdin.isTTY) {
    throw new TiebreakUnavailable(
      `Tie in round ${question.round} among ${question.candidates.join(', ')}: the config asks the operator; ` +
        'run on a terminal or give --tiebreak-answers.',
    );
  }
  const list = question.candidates.map((name, index) => `${index + 1}. ${name}`).join('\n');
  for (;;) {
    process.stderr.write(
      `Tie in round ${question.round} for the following candidates, each of whom has ${question.votes} vote(s):\n${list}\n` +
        `Enter the number of the candidate who should ${question.selectingWinner ? 'win' : 'lose'} this tiebreaker: `,
    );
    const answer = Number(readLine());
    const chosen = question.candidates[answer - 1];
    if (Number.isInteger(answer) && chosen !== undefined) return chosen;
    process.stderr.write('Invalid selection. Try again.\n');
  }
}

function readLine(): string {
  const buffer = Buffer.alloc(1);
  let line = '';
  while (readSync(0, buffer, 0, 1, null) === 1) {
    const char = buffer.toString('utf8');
    if (char === '\n') break;
    line += char;
  }
  return line.trim();
}
