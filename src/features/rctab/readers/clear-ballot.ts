/**
 * Clear Ballot CSV: one ballot per row; each choice column is headed
 * `RCV:<contest>:<rank>:<rule>:<choice>:<party>` and holds 1 where the voter marked it
 * (ClearBallotCvrReader; rows are split on commas outside quotes, as RCTab does).
 */
import { readFile } from 'node:fs/promises';
import { type RctabCvr, UWI_LABEL } from '../../../core/rctab/types.ts';
import type { CvrSourceConfig } from '../rctab.config.ts';
import { CvrReadError, type ReaderOptions, toRankings } from './reader.ts';

const SPLIT_OUTSIDE_QUOTES = /,(?=(?:[^"]*"[^"]*")*[^"]*$)/;
const CHOICES_BEGIN = 10;
const COLUMN = { ballotId: 3, precinctId: 4, scanComputerName: 7 } as const;

export async function readClearBallot(
  path: string,
  source: CvrSourceConfig,
  options: ReaderOptions,
): Promise<RctabCvr[]> {
  const lines = (await readFile(path, 'utf8')).split(/\r?\n/);
  const header = lines[0];
  if (header === undefined || header === '') throw new CvrReadError(path, ['no header row']);
  const headerCells = header.split(SPLIT_OUTSIDE_QUOTES);
  if (headerCells.length < CHOICES_BEGIN) throw new CvrReadError(path, ['no choice columns']);
  const choices = new Map<number, [number, string]>();
  for (let column = CHOICES_BEGIN; column < headerCells.length; column++) {
    const fields = (headerCells[column] as string).split(':');
    if (fields.length !== 6)
      throw new CvrReadError(path, [`column ${column + 1}: a choice header needs 6 fields separated by ":"`]);
    if (fields[1] !== source.contestId) continue;
    const choice = fields[4] === source.undeclaredWriteInLabel ? UWI_LABEL : (fields[4] as string);
    const rank = Number(fields[2]);
    if (rank >= 1 && rank <= options.maxRankingsAllowed) choices.set(column, [rank, choice]);
  }
  const cvrs: RctabCvr[] = [];
  const problems: string[] = [];
  lines.slice(1).forEach((row, index) => {
    if (row === '') return;
    const cells = row.split(SPLIT_OUTSIDE_QUOTES);
    const ranked: Array<[number, string]> = [];
    for (const [column, ranking] of choices) {
      const value = cells[column];
      if (value === undefined || !/^\s*[+-]?\d+\s*$/.test(value)) {
        problems.push(`row ${index + 2}, column ${column + 1}: expected 0 or 1, got "${value ?? ''}"`);
      } else if (Number(value) === 1) ranked.push(ranking);
    }
    const ballotId = cells[COLUMN.ballotId] ?? '';
    cvrs.push({
      id: ballotId,
      suppliedId: ballotId,
      contestId: source.contestId,
      tabulatorId: cells[COLUMN.scanComputerName] ?? null,
      precinct: cells[COLUMN.precinctId] ?? null,
      precinctPortion: null,
      batch: null,
      rankings: toRankings(ranked),
    });
  });
  if (problems.length > 0) throw new CvrReadError(path, problems);
  return cvrs;
}
