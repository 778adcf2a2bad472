/**
 * `runRctab` with its failures turned into coded errors, so the CLI and the HTTP route report a bad
 * config, an unreadable ballot file or a stopped count the same way every other command does.
 */
import { invalid, unprocessable } from '../../core/errors.ts';
import { TabulationAborted } from '../../core/rctab/tabulator.ts';
import { TiebreakUnavailable } from '../../core/rctab/tiebreak.ts';
import { InvalidRctabConfig } from './rctab.config.ts';
import type { RctabErrorCode } from './rctab.contract.ts';
import { type RctabRun, type RctabRunOptions, runRctab } from './rctab.session.ts';
import { CvrReadError } from './readers/reader.ts';

export async function countRctab(configPath: string, options: RctabRunOptions = {}): Promise<RctabRun> {
  try {
    return await runRctab(configPath, options);
  } catch (error) {
    throw asDomainError(error);
  }
}

export function asDomainError(error: unknown): unknown {
  if (error instanceof InvalidRctabConfig) {
    const code: RctabErrorCode = 'rctab.config_invalid';
    return invalid(code, error.message, { file: error.file, problems: error.problems });
  }
  if (error instanceof CvrReadError) {
    const code: RctabErrorCode = 'rctab.cvr_invalid';
    return invalid(code, error.message, { file: error.file, problems: error.problems.slice(0, 100) });
  }
  if (error instanceof TiebreakUnavailable) {
    const code: RctabErrorCode = 'rctab.tiebreak_needed';
    return unprocessable(code, error.message);
  }
  if (error instanceof TabulationAborted) {
    const code: RctabErrorCode = 'rctab.count_stopped';
    return unprocessable(code, error.message);
  }
  return error;
}
