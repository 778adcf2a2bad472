/**
 * RCTab's CVR export in its own simple CSV (OutputWriter.writeRcTabCvrCsv): one row per ballot with
 * its source, ids, precinct and the candidate at every rank ("undervote" where none).
 */
import { CsvPrinter } from './csv-printer.ts';
import { OVERVOTE_LABEL, type RctabCvr, UWI_LABEL } from './types.ts';

export interface CvrCsvSource {
  /** As written in the config. */
  filePath: string;
  provider: string;
  undeclaredWriteInLabel: string;
  cvrs: readonly RctabCvr[];
}

export function rctabCvrCsv(
  sources: readonly CvrCsvSource[],
  maxRank: number,
  nameForAlias: ReadonlyMap<string, string>,
): string {
  const csv = new CsvPrinter();
  csv.print(
    'Source Filepath',
    'CVR Provider',
    'Contest Id',
    'RCTab CVR Id',
    'Tabulator Id',
    'Batch Id',
    'Vendor Id',
    'Precinct',
    'Precinct Portion',
  );
  for (let rank = 1; rank <= maxRank; rank++) csv.print(`Rank ${rank}`);
  csv.endRecord();
  for (const source of sources) {
    for (const cvr of source.cvrs) {
      csv.print(
        source.filePath,
        source.provider,
        cvr.contestId,
        cvr.id,
        cvr.tabulatorId,
        cvr.batch,
        cvr.suppliedId ?? '',
        cvr.precinct,
        cvr.precinctPortion,
      );
      const byRank = new Map(cvr.rankings);
      for (let rank = 1; rank <= maxRank; rank++) {
        const candidates = byRank.get(rank);
        if (!candidates || candidates.length === 0) {
          csv.print('undervote');
          continue;
        }
        const names = candidates.map((candidate) =>
          candidate === UWI_LABEL
            ? source.undeclaredWriteInLabel
            : candidate === OVERVOTE_LABEL
              ? OVERVOTE_LABEL
              : (nameForAlias.get(candidate) ?? candidate),
        );
        csv.print(names.join('\n'));
      }
      csv.endRecord();
    }
  }
  return csv.text();
}
