import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../core/actor.ts';
import { DomainError } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import type { SessionView } from '../features/accounts/accounts.schema.ts';
import { announcesLargeBody } from './edge.ts';
import { SessionCache } from './session-cache.ts';

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
    /** A write that needs no session (only login). Every other write is refused before its body is read. */
    anonymous?: boolean;
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
 * Resolves the session cookie into `request.auth` for every request, before the body is read
 * (`onRequest`): an anonymous write to a route that needs a session, and an upload from a role that
 * may not upload, are refused without reading a byte of the body. Also refuses cookie-carrying
 * writes that lack the session's CSRF token (a cross-site form cannot read that token).
 */
export function installAuth(
  app: FastifyInstance,
  { resolveSession, tokensMatch }: SessionAuthenticator,
): void {
  app.decorateRequest('auth', null);
  const sessions = new SessionCache(app.changes);
  const lookUp = async (token: string) => {
    const now = new Date();
    const cached = sessions.get(token, now.getTime());
    if (cached) return cached;
    const ticket = sessions.ticket();
    const resolved = await resolveSession(app.db, token, now);
    if (resolved) sessions.set(token, resolved, now.getTime(), ticket);
    return resolved;
  };
  // A write by a session (its own sign-out included) is seen by its next request, notification or not.
  app.addHook('onSend', async (request) => {
    if (request.auth && !safeMethods.has(request.method)) sessions.forget(request.auth.token);
  });
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[sessionCookieName];
    const resolved = token ? await lookUp(token) : undefined;
    if (resolved && token) request.auth = { ...resolved, token };
    const config = request.routeOptions.config;
    const knownRoute = request.routeOptions.url !== undefined;
    const write = !safeMethods.has(request.method);
    try {
      if (knownRoute && write && !config.anonymous && !request.auth) throw authRequired();
      if (config.uploadRoles && announcesLargeBody(request)) {
        const actor = requireActor(request);
        if (!config.uploadRoles.includes(actor.role)) {
          throw new DomainError(
            'forbidden',
            'auth.forbidden',
            `Your role (${actor.role}) may not upload here.`,
            {
              role: actor.role,
              allowed: [...config.uploadRoles],
            },
          );
        }
      }
    } catch (error) {
      // Refused before the body: closing the connection spares reading megabytes nobody will use.
      if (announcesLargeBody(request)) reply.header('connection', 'close');
      throw error;
    }
    if (!request.auth || !write || config.skipCsrf) return;
    const header = request.headers[csrfHeaderName];
    if (!tokensMatch(request.auth.session.csrfToken, typeof header === 'string' ? header : undefined)) {
      throw new DomainError(
        'forbidden',
        'auth.csrf_invalid',
        `Missing or wrong ${csrfHeaderName} header: send the csrfToken from GET /api/session.`,
      );
    }
  });
}

const authRequired = () =>
  new DomainError('unauthenticated', 'auth.required', 'Sign in first (POST /api/session).');

/** The signed-in session, or 401. */
export function requireAuth(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw authRequired();
  return request.auth;
}

/** The acting user, or 401. */
export const requireActor = (request: FastifyRequest): Actor => requireAuth(request).actor;
