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

/** What the CLI prints and returns for one failure. */
export interface CliFailure {
  line: string;
  details?: Record<string, unknown>;
  exitCode: number;
}

/**
 * The one mapping from an error to what `concord` prints: a DomainError keeps its message, code
 * and exit code; a database constraint error (from PostgreSQL or PGlite, which both carry the
 * SQLSTATE in `code`) says which rule the input broke; anything else is its message and exit 1.
 * Never a stack trace: a user cannot act on one. CONCORD_DEBUG=1 prints it for a developer.
 */
export function describeFailure(error: unknown): CliFailure {
  if (error instanceof DomainError) {
    return {
      line: `error: ${error.message} [${error.code}]`,
      ...(error.details !== undefined ? { details: error.details } : {}),
      exitCode: exitCodeByKind[error.kind],
    };
  }
  const database = databaseFailure(error);
  if (database) return database;
  const message = error instanceof Error ? error.message : String(error);
  // Not a known kind of failure: its own message (config errors list each variable), no stack.
  return { line: `error: ${message.trim() || 'unexpected failure'}`, exitCode: 1 };
}

interface SqlError {
  code: string;
  message: string;
  constraint?: string;
  table?: string;
  column?: string;
}

function isSqlError(error: unknown): error is SqlError {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** SQLSTATE classes: 22 data exception, 23 integrity constraint violation (postgresql.org/docs/current/errcodes-appendix.html). */
function databaseFailure(error: unknown): CliFailure | undefined {
  if (!isSqlError(error)) return undefined;
  const where = [error.table && `table ${error.table}`, error.constraint && `constraint ${error.constraint}`]
    .filter(Boolean)
    .join(', ');
  const suffix = where ? ` (${where})` : '';
  switch (error.code) {
    case '23503':
      return { line: `error: a referenced row does not exist${suffix} [database.foreign_key]`, exitCode: 2 };
    case '23505':
      return { line: `error: this already exists${suffix} [database.duplicate]`, exitCode: 3 };
    case '23502':
      return { line: `error: a required value is missing${suffix} [database.not_null]`, exitCode: 2 };
    case '23514':
      return { line: `error: a value breaks a rule of the data${suffix} [database.check]`, exitCode: 2 };
  }
  if (error.code.startsWith('22')) {
    return { line: `error: ${firstLine(error.message)} [database.invalid_value]`, exitCode: 2 };
  }
  return { line: `error: database: ${firstLine(error.message)} [database.${error.code}]`, exitCode: 1 };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? '';
}

/**
 * Wraps a commander action: any failure becomes one clear line on stderr (a DomainError adds its
 * details) and a meaningful exit code.
 */
export function runCommand<Args extends unknown[]>(
  action: (...args: Args) => Promise<void> | void,
): (...args: Args) => Promise<void> {
  return async (...args: Args) => {
    try {
      await action(...args);
    } catch (error) {
      const failure = describeFailure(error);
      process.stderr.write(`${failure.line}\n`);
      if (failure.details !== undefined)
        process.stderr.write(`${JSON.stringify(failure.details, null, 2)}\n`);
      if (process.env.CONCORD_DEBUG === '1' && error instanceof Error && error.stack) {
        process.stderr.write(`${error.stack}\n`);
      }
      process.exitCode = failure.exitCode;
    }
  };
}
