import type { RctabCvr } from '../../../core/rctab/types.ts';
import type { CvrSourceConfig } from '../rctab.config.ts';
import { readEssXlsx } from './ess-xlsx.ts';
import { CvrReadError, type ReaderOptions } from './reader.ts';

/** Reads one configured source with the reader its provider names. */
export async function readSource(path: string, source: CvrSourceConfig, options: ReaderOptions): Promise<RctabCvr[]> {
  switch (source.provider) {
    case 'ess':
      return readEssXlsx(path, source, options);
    default:
      throw new CvrReadError(path, [`the ${source.provider} reader is not available yet`]);
  }
}
