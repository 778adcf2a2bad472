/**
 * Expected failures carry a stable `code` (e.g. `ballot.unknown_candidate`) and a `kind`.
 * The kind alone decides the HTTP status and the CLI exit code, in one table at each edge
 * (src/http/error-handler.ts, src/cli/run-command.ts); the code is what clients match on.
 * Anything thrown that is not a DomainError is a bug and surfaces as a generic 500.
 */
export type ErrorKind =
  | 'invalid' // the input is malformed or breaks a rule: 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // the state does not allow it (closed decision, duplicate): 409
  | 'unprocessable' // well-formed but cannot be satisfied (infeasible pact, failed admission rule): 422
  | 'rate_limited'; // 429

export type ErrorCode = `${string}.${string}`;

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError('invalid', code, message, details);
export const notFound = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError('not_found', code, message, details);
export const forbidden = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError('forbidden', code, message, details);
export const conflict = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', code, message, details);
export const unprocessable = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  new DomainError('unprocessable', code, message, details);
