import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { invalid } from '../../../core/errors.ts';

export interface CsvRow {
  /** Row number as a spreadsheet shows it: the header is row 1, the first data row is row 2. */
  row: number;
  values: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Parses a CSV with a header row. A UTF-8 byte-order mark (538's 2021 files start with one) is
 * dropped, so the first column is named as it reads. Malformed quoting and missing required
 * columns are errors naming the file and the line.
 */
export function readCsv(
  text: string,
  options: { file: string; required?: readonly string[]; delimiter?: string },
): CsvTable {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: options.delimiter ?? ',',
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      throw invalid('csv.malformed', `${options.file}: ${error.message}`, {
        file: options.file,
        line: error.lines,
        reason: error.code,
      });
    }
    throw error;
  }
  const [headerRecord, ...data] = records;
  const header = (headerRecord ?? []).map((name) => name.trim());
  const missing = (options.required ?? []).filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw invalid('csv.missing_columns', `${options.file}: missing column(s) ${missing.join(', ')}`, {
      file: options.file,
      row: 1,
      missing,
      found: header,
    });
  }
  const rows = data.map((record, index) => {
    const values: Record<string, string> = {};
    header.forEach((name, column) => {
      values[name] = (record[column] ?? '').trim();
    });
    return { row: index + 2, values };
  });
  return { header, rows };
}

/** A cell that must hold a whole number; MEDSL and tonmcg write some as `93003.0`. */
export function parseCount(text: string): number | null {
  if (!/^-?\d+(\.0+)?$/.test(text)) return null;
  return Number.parseInt(text, 10);
}

/** A decimal in either notation: `28.8` or the French `28,8`. */
export function parseDecimal(text: string): number | null {
  const normalized = text.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
  return Number(normalized);
}
