/**
 * ES&S cast vote records: the first sheet of an .xlsx workbook, one ballot per row from
 * firstVoteRowIndex, rankings in consecutive columns from firstVoteColumnIndex (RCTab's
 * StreamingCvrReader). Rows are streamed with exceljs (the
 * @protobi fork: docs/decisions/0018), so a million-row file never becomes a million
 * row objects at once.
 */
import { basename } from 'node:path';
import ExcelJS from '@protobi/exceljs';
import { OVERVOTE_LABEL, type RctabCvr, UWI_LABEL } from '../../../core/rctab/types.ts';
import type { CvrSourceConfig } from '../rctab.config.ts';
import { CvrReadError, javaSplit, type ReaderOptions, sanitizeForOutput, toRankings } from './reader.ts';

export async function readEssXlsx(
  path: string,
  source: CvrSourceConfig,
  options: ReaderOptions,
): Promise<RctabCvr[]> {
  const firstColumn = (source.firstVoteColumnIndex ?? 1) - 1;
  const firstRow = (source.firstVoteRowIndex ?? 1) - 1;
  const idColumn = source.idColumnIndex === null ? null : source.idColumnIndex - 1;
  const precinctColumn = source.precinctColumnIndex === null ? null : source.precinctColumnIndex - 1;
  const batchColumn = source.batchColumnIndex === null ? null : source.batchColumnIndex - 1;
  const maxRank = options.maxRankingsAllowed;
  const fileId = sanitizeForOutput(basename(path));
  const cvrs: RctabCvr[] = [];
  const errors: string[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    styles: 'ignore',
    entries: 'ignore',
  });
  let index = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      if (row.number - 1 < firstRow) continue;
      index += 1;
      const ranked: Array<[number, string]> = [];
      let lastRank = 0;
      let precinct: string | null = null;
      let batch: string | null = null;
      let suppliedId: string | null = null;
      const addBlanksBefore = (rank: number) => {
        for (let blank = lastRank + 1; blank < rank; blank++) {
          if (source.treatBlankAsUndeclaredWriteIn) ranked.push([blank, UWI_LABEL]);
        }
      };
      const values = row.values as unknown[];
      for (let excelColumn = 1; excelColumn < values.length; excelColumn++) {
        const value = values[excelColumn];
        if (value === undefined || value === null) continue;
        const cell = cellText(value);
        const column = excelColumn - 1;
        if (precinctColumn !== null && column === precinctColumn) precinct = cell;
        else if (batchColumn !== null && column === batchColumn) batch = cell;
        else if (idColumn !== null && column === idColumn) suppliedId = cell;
        else if (column >= firstColumn && column < firstColumn + maxRank) {
          const rank = column - firstColumn + 1;
          addBlanksBefore(rank);
          const trimmed = cell.trim();
          const parts =
            source.overvoteDelimiter === '' ? [trimmed] : javaSplit(trimmed, source.overvoteDelimiter);
          for (const part of parts.map((p) => p.trim())) {
            if (parts.length > 1 && (part === '' || part === source.skippedRankLabel)) {
              errors.push(
                `row ${row.number}: a cell split by the overvote delimiter may not hold a blank or a skipped ranking`,
              );
            } else if (part !== source.skippedRankLabel) {
              ranked.push([
                rank,
                part === source.overvoteLabel
                  ? OVERVOTE_LABEL
                  : part === source.undeclaredWriteInLabel
                    ? UWI_LABEL
                    : part,
              ]);
            }
          }
          lastRank = rank;
        }
      }
      if (Number.isFinite(maxRank)) addBlanksBefore(maxRank + 1);
      const id = `${fileId}-${index}`;
      if (idColumn !== null && suppliedId === null) {
        errors.push(`row ${index + firstRow}: the cast vote record id is missing`);
      }
      cvrs.push({
        id,
        suppliedId,
        contestId: null,
        tabulatorId: null,
        precinct: precinctColumn === null ? null : (precinct ?? 'missing_precinct_id'),
        precinctPortion: null,
        batch: batchColumn === null ? null : (batch ?? 'missing_batch_id'),
        rankings: toRankings(ranked),
      });
    }
    break; // RCTab reads the first sheet only
  }
  if (errors.length > 0) throw new CvrReadError(path, errors);
  return cvrs;
}

/** A cell as POI's DataFormatter shows it with the General format. */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText.map((part: { text?: string }) => part.text ?? '').join('');
    }
    if ('result' in value) return cellText(value.result);
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return String(value);
}
