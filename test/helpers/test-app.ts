import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import type { App } from '../../src/http/types.ts';

export const testConfig = loadConfig({ ...process.env, LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000' });

export function buildTestApp(db: Db, overrides: Partial<typeof testConfig> = {}): Promise<App> {
  return buildApp({ db, config: { ...testConfig, ...overrides }, strictContracts: true });
}

export interface TestSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the real login route and keeps the cookie and CSRF token for later calls. */
export async function signIn(
  app: App,
  credentials: { email: string; password: string; coalition?: string },
): Promise<TestSession> {
  const response = await app.inject({ method: 'POST', url: '/api/session', payload: credentials });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'concord_session');
  if (!cookie) throw new Error('sign-in set no session cookie');
  return { cookie: `concord_session=${cookie.value}`, csrfToken: response.json().csrfToken };
}

/** app.inject as a signed-in user: the cookie always, the CSRF header on writes. */
export function injectAs(
  app: App,
  session: TestSession,
  options: InjectOptions & { method: string; url: string },
): Promise<LightMyRequestResponse> {
  const write = !['GET', 'HEAD', 'OPTIONS'].includes(options.method.toUpperCase());
  return app.inject({
    ...options,
    headers: {
      ...options.headers,
      cookie: session.cookie,
      ...(write ? { 'x-csrf-token': session.csrfToken } : {}),
    },
  } as InjectOptions);
}

/** signIn's twin for a real server process: the login route over HTTP, its cookie and CSRF token. */
export async function signInOverHttp(
  base: string,
  credentials: { email: string; password: string },
): Promise<TestSession> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}
