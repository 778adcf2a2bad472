/** The error body every Concord API failure carries (src/http/error-handler.ts). */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
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
