import type { ErrorCode, ErrorKind } from '../core/errors.ts';

/**
 * A feature's error catalog: every code its services may throw, with the kind that decides the HTTP
 * status. The keys are the feature's closed union of codes (`keyof typeof xErrors`); contracts name
 * which of them each endpoint can return, and the web app switches on them exhaustively.
 */
export type ErrorCatalog = Readonly<Record<ErrorCode, ErrorKind | readonly ErrorKind[]>>;

/** The kinds a code may be thrown with (most codes have one; a few depend on the input). */
export const kindsOf = (entry: ErrorKind | readonly ErrorKind[] | undefined): readonly ErrorKind[] =>
  entry === undefined ? [] : typeof entry === 'string' ? [entry] : entry;

export function defineErrors<const C extends ErrorCatalog>(catalog: C): C {
  return catalog;
}

/** Codes any endpoint may answer besides its own: request validation, and the session for `auth: 'session'`. */
export const requestErrors = defineErrors({
  /** A param, query or body failed its zod schema; `details.issues` names each field path. */
  'request.invalid': 'invalid',
});

export const sessionErrors = defineErrors({
  'auth.required': 'unauthenticated',
  'auth.csrf_invalid': 'forbidden',
});

/**
 * What the web client reports when the failure is not one the contract names: a 5xx, a proxy's HTML
 * page, a code the contract forgot. Kept apart so that pages still switch over a closed union.
 */
export const transportErrorCodes = ['internal', 'unexpected'] as const;
export type TransportErrorCode = (typeof transportErrorCodes)[number];

export type CodeOf<C extends ErrorCatalog> = Extract<keyof C, ErrorCode>;
