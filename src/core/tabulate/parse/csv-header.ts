import { invalid } from '../../errors.ts';

/** What each CSV column holds: `weight` once at most, then `rank1`, `rank2`, … in order. */
export interface CsvLayout {
  names: string[];
  /** Column index of `weight`, or -1 (every ballot weighs 1). */
  weightColumn: number;
  rankCount: number;
}

export function readCsvHeader(cells: readonly string[], row: number): CsvLayout {
  let weightColumn = -1;
  let rankCount = 0;
  const names = cells.map((cell) => cell.trim());
  names.forEach((name, column) => {
    const lower = name.toLowerCase();
    if (lower === 'weight' && weightColumn < 0) {
      weightColumn = column;
      return;
    }
    if (lower === `rank${rankCount + 1}`) {
      rankCount += 1;
      return;
    }
    throw invalid(
      'ballot.invalid_header',
      `row ${row}, column ${column + 1}: unexpected header ${JSON.stringify(name)}`,
      {
        row,
        column: name,
        columnIndex: column + 1,
        reason: `expected ${weightColumn < 0 ? '"weight" or ' : ''}"rank${rankCount + 1}"`,
      },
    );
  });
  if (rankCount === 0) {
    throw invalid('ballot.invalid_header', `row ${row}: the header names no rank column (rank1, rank2, …)`, {
      row,
      reason: 'no rank column',
    });
  }
  return { names, weightColumn, rankCount };
}
