import type { RctabCvr } from '../../../core/rctab/types.ts';
import type { CvrSourceConfig } from '../rctab.config.ts';
import { readCdf } from './cdf.ts';
import { readClearBallot } from './clear-ballot.ts';
import { readDominion } from './dominion.ts';
import { readEssXlsx } from './ess-xlsx.ts';
import { readGenericCsv } from './generic-csv.ts';
import { readHart } from './hart.ts';
import type { ReaderOptions } from './reader.ts';

/** Reads one configured source with the reader its provider names. */
export async function readSource(
  path: string,
  source: CvrSourceConfig,
  options: ReaderOptions,
): Promise<RctabCvr[]> {
  switch (source.provider) {
    case 'ess':
      return readEssXlsx(path, source, options);
    case 'genericCsv':
      return readGenericCsv(path, source);
    case 'clearBallot':
      return readClearBallot(path, source, options);
    case 'hart':
      return readHart(path, source);
    case 'cdf':
      return readCdf(path, source);
    case 'dominion':
      return readDominion(path, source);
  }
}
