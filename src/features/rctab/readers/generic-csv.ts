/**
 * RCTab's generic CSV: a header row naming the candidates from firstVoteColumnIndex, then one ballot
 * per row whose cells give the rank of each candidate (CsvCvrReader).
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { type RctabCvr, UWI_LABEL } from '../../../core/rctab/types.ts';
import type { CvrSourceConfig } from '../rctab.config.ts';
import { CvrReadError, toRankings } from './reader.ts';

export async function readGenericCsv(path: string, source: CvrSourceConfig): Promise<RctabCvr[]> {
  const firstColumn = (source.firstVoteColumnIndex ?? 1) - 1;
  const idColumn = source.idColumnIndex === null ? null : source.idColumnIndex - 1;
  const precinctColumn = source.precinctColumnIndex === null ? null : source.precinctColumnIndex - 1;
  const batchColumn = source.batchColumnIndex === null ? null : source.batchColumnIndex - 1;
  const parser = createReadStream(path).pipe(parse({ relax_column_count: true, bom: true }));
  let candidates: string[] | null = null;
  let uwiColumn = -1;
  const cvrs: RctabCvr[] = [];
  const problems: string[] = [];
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    line += 1;
    if (candidates === null) {
      candidates = record.slice(firstColumn);
      const blank = candidates.findIndex((name) => name.trim() === '');
      if (blank >= 0)
        throw new CvrReadError(path, [
          `row 1: the candidate name at the top of column ${firstColumn + blank + 1} is empty`,
        ]);
      uwiColumn = candidates.indexOf(source.undeclaredWriteInLabel);
      // RCTab means to skip rows before firstVoteRowIndex here but never does: every row after the header is a ballot.
      continue;
    }
    const ranked: Array<[number, string]> = [];
    for (let column = firstColumn; column < record.length; column++) {
      const cell = (record[column] ?? '').trim();
      if (cell === '') continue;
      if (!/^[+-]?\d+$/.test(cell)) {
        problems.push(`row ${line}, column ${column + 1}: expected a rank number, got "${cell}"`);
        continue;
      }
      const index = column - firstColumn;
      ranked.push([Number(cell), index === uwiColumn ? UWI_LABEL : (candidates[index] as string)]);
    }
    const cell = (column: number | null, missing: string) => {
      if (column === null) return null;
      const value = record[column] ?? '';
      return value.trim() === '' ? missing : value;
    };
    cvrs.push({
      id: String(cvrs.length + 1),
      suppliedId: idColumn === null ? null : (record[idColumn] ?? null),
      contestId: null,
      tabulatorId: null,
      precinct: cell(precinctColumn, 'no precinct id'),
      precinctPortion: null,
      batch: cell(batchColumn, 'no batch id'),
      rankings: toRankings(ranked),
    });
  }
  if (problems.length > 0) throw new CvrReadError(path, problems);
  return cvrs;
}
