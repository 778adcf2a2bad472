import { DomainError, type ErrorKind } from '../core/errors.ts';

/** Exit codes of `concord`: 0 ok, 1 unexpected failure, 2 bad input, 3 refused by a rule or state. */
const exitCodeByKind: Record<ErrorKind, number> = {
  invalid: 2,
  unauthenticated: 3,
  forbidden: 3,
  not_found: 2,
  conflict: 3,
  unprocessable: 3,
  rate_limited: 3,
};

/**
 * Wraps a commander action: a DomainError becomes one clear line on stderr (plus its details)
 * and a meaningful exit code; anything else is a bug and keeps its stack trace.
 */
export function runCommand<Args extends unknown[]>(
  action: (...args: Args) => Promise<void> | void,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await action(...args);
    } catch (error) {
      if (error instanceof DomainError) {
        process.stderr.write(`error: ${error.message} [${error.code}]\n`);
        if (error.details !== undefined) {
          process.stderr.write(`${JSON.stringify(error.details, null, 2)}\n`);
        }
        process.exitCode = exitCodeByKind[error.kind];
        return;
      }
      throw error;
    }
  };
}
