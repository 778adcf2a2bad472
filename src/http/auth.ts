import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../core/actor.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import type { SessionView } from '../features/accounts/accounts.schema.ts';

export const sessionCookieName = 'concord_session';
export const csrfHeaderName = 'x-csrf-token';

export interface RequestAuth {
  actor: Actor;
  session: SessionView;
  token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** Writes that are allowed without a CSRF token (only login: there is no session yet). */
    skipCsrf?: boolean;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What the accounts feature lends the HTTP layer: given to `installAuth` by src/app.ts, so that
 * src/http never imports a feature (and accounts' routes can import src/http without a cycle).
 */
export interface SessionAuthenticator {
  resolveSession(
    db: Db,
    token: string,
    now: Date,
  ): Promise<{ actor: Actor; session: SessionView } | undefined>;
  tokensMatch(expected: string, given: string | undefined): boolean;
}

/**
 * Resolves the session cookie into `request.auth` for every request, and refuses cookie-carrying
 * writes that lack the session's CSRF token (a cross-site form cannot read that token).
 */
export function installAuth(
  app: FastifyInstance,
  { resolveSession, tokensMatch }: SessionAuthenticator,
): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = request.cookies[sessionCookieName];
    if (!token) return;
    const resolved = await resolveSession(app.db, token, new Date());
    if (!resolved) return;
    request.auth = { ...resolved, token };
    if (safeMethods.has(request.method) || request.routeOptions.config.skipCsrf) return;
    const header = request.headers[csrfHeaderName];
    if (!tokensMatch(resolved.session.csrfToken, typeof header === 'string' ? header : undefined)) {
      throw new DomainError(
        'forbidden',
        'auth.csrf_invalid',
        `Missing or wrong ${csrfHeaderName} header: send the csrfToken from GET /api/session.`,
      );
    }
  });
}

/** The signed-in session, or 401. */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) {
    throw new DomainError('unauthenticated', 'auth.required', 'Sign in first (POST /api/session).');
  }
  return request.auth;
}

/** The acting user, or 401. */
export const requireActor = (request: FastifyRequest): Actor => requireAuth(request).actor;
