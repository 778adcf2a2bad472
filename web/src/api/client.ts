import {
  type AnyEndpoint,
  type ClientErrorCode,
  declaredErrorCodes,
  fillPath,
  type RequestOf,
  type ResponseOf,
} from '../../../src/contract/endpoint.ts';

/** The error body every Concord API failure carries (src/http/error-handler.ts). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/**
 * A failed call. `code` is the closed union of what the endpoint's contract declares (plus
 * `internal` and `unexpected`), so a page can `switch` over it with an exhaustiveness check.
 */
export class ApiError<Code extends string = string> extends Error {
  constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The ApiError a call to this endpoint can throw. */
export type ApiErrorOf<E extends AnyEndpoint> = ApiError<ClientErrorCode<E>>;

/** True when `error` came from a call to `endpoint`'s kind: narrows `code` to its closed union. */
export function isApiErrorOf<E extends AnyEndpoint>(_endpoint: E, error: unknown): error is ApiErrorOf<E> {
  return error instanceof ApiError;
}

/** For the `default:` of a switch over an error code: fails the typecheck when a code is left out. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}

/** The field errors of a `request.invalid` answer, keyed by the body field path (`body.email` → `email`). */
export function fieldIssues(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || error.code !== 'request.invalid') return {};
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return {};
  const byField: Record<string, string> = {};
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    if (typeof issue.path !== 'string' || typeof issue.message !== 'string') continue;
    const field = issue.path.replace(/^body\./, '');
    byField[field] ??= issue.message;
  }
  return byField;
}

let csrfToken: string | undefined;

/** Remembered from the session so every write carries it (the server refuses writes without it). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** For requests that are not JSON (CSV uploads), which send the header themselves. */
export const currentCsrfToken = (): string | undefined => csrfToken;

const safeMethods = new Set(['GET', 'HEAD']);

/** fetch for the Concord API: JSON in and out, the session cookie, the CSRF header, typed errors. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (!safeMethods.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const body = payload as Partial<ApiErrorBody> | undefined;
    throw new ApiError(
      response.status,
      body?.error?.code ?? `http.${response.status}`,
      body?.error?.message ?? `The server answered ${response.status}.`,
      body?.error?.details,
    );
  }
  return payload as T;
}

/** A query string from the defined values of a filter. */
function queryText(query: Record<string, unknown> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Calls an endpoint through its contract: the path parameters, query and body are typed by its zod
 * schemas, the answer by its response schema, and a failure's code by its declared error codes.
 * Codes outside the contract become `unexpected` (the server's code stays in `details.code`).
 */
export async function call<E extends AnyEndpoint>(
  endpoint: E,
  ...[request]: keyof RequestOf<E> extends never
    ? [request?: RequestOf<E>]
    : RequestOf<E> extends { params: unknown } | { body: unknown }
      ? [request: RequestOf<E>]
      : [request?: RequestOf<E>]
): Promise<ResponseOf<E>> {
  const parts = (request ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, unknown>;
    body?: unknown;
  };
  const path = fillPath(endpoint.path, parts.params) + queryText(parts.query);
  try {
    return await api<ResponseOf<E>>(path, { method: endpoint.method, body: parts.body });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status >= 500) throw new ApiError(error.status, 'internal', error.message, error.details);
    if (!declaredErrorCodes(endpoint).includes(error.code)) {
      throw new ApiError(error.status, 'unexpected', error.message, { ...error.details, code: error.code });
    }
    throw error;
  }
}

/**
 * Calls an endpoint that takes files (multipart/form-data, described in its contract): the form is
 * sent as the browser builds it, the answer and errors are typed as with `call`.
 */
export async function callWithForm<E extends AnyEndpoint>(
  endpoint: E,
  form: FormData,
): Promise<ResponseOf<E>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(endpoint.path, {
    method: endpoint.method,
    headers,
    credentials: 'same-origin',
    body: form,
  });
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as ResponseOf<E>;
  const body = payload as Partial<ApiErrorBody> | undefined;
  const code = body?.error?.code ?? `http.${response.status}`;
  const message = body?.error?.message ?? `The server answered ${response.status}.`;
  if (response.status >= 500) throw new ApiError(response.status, 'internal', message, body?.error?.details);
  if (!declaredErrorCodes(endpoint).includes(code)) {
    throw new ApiError(response.status, 'unexpected', message, { ...body?.error?.details, code });
  }
  throw new ApiError(response.status, code, message, body?.error?.details);
}
