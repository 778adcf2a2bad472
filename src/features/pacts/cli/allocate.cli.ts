import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { runCommand } from '../../../cli/run-command.ts';
import { type AllocationReport, allocate, allocateExactly } from '../../../core/allocate/index.ts';
import { invalid } from '../../../core/errors.ts';
import { type PactFile, parsePactFile } from '../allocate.schema.ts';
import { solveWithHighs } from '../runs/run-solver.ts';
import { formatReport, roundReport } from './allocate.format.ts';

async function readPactFile(path: string): Promise<PactFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid('pact.file_unreadable', `cannot read ${path}: ${reason}`, { file: path });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid('pact.invalid_json', `${path} is not valid JSON: ${reason}`, { file: path });
  }
  return parsePactFile(raw, path);
}

/** Reads, validates and allocates; the exact mode also runs the heuristic to report its gap. */
export async function runAllocation(path: string, options: { exact?: boolean }): Promise<AllocationReport> {
  const pact = await readPactFile(path);
  return options.exact ? allocateExactly(pact, solveWithHighs) : allocate(pact);
}

export function registerAllocateCommands(program: Command): void {
  program
    .command('allocate')
    .description('Share races among coalition members: a seat-sharing pact (see docs/pacts.md)')
    .argument('<file>', 'pact file (JSON): members, races with past votes, locks, vetoes, options')
    .option(
      '--exact',
      'solve exactly (MILP with HiGHS; up to ~600 races × 8 members) and report the heuristic gap',
    )
    .option(
      '--json',
      'print the full report as JSON (assignments, members, fairness, expectedWins, explanations, solver)',
    )
    .addHelpText(
      'after',
      `
Races go to at most one member each, in proportion to the members' weights (Sainte-Laguë by
default, within ±1), maximizing the coalition's expected wins, with locks and vetoes as hard rules.
Every race gets an explanation line. Exit code 2: invalid file; 3: infeasible locks/vetoes.

Examples:
  $ concord allocate pact.json
  $ concord allocate pact.json --json > allocation.json
  $ concord allocate pact.json --exact --json | jq '.solver'`,
    )
    .action(
      runCommand(async (file: string, options: { exact?: boolean; json?: boolean }) => {
        const report = await runAllocation(file, options);
        process.stdout.write(
          options.json ? `${JSON.stringify(roundReport(report), null, 2)}\n` : formatReport(report),
        );
      }),
    );
}
