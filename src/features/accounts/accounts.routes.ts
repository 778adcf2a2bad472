import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { requireAuth, sessionCookieName } from '../../http/auth.ts';
import { errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { loginBodySchema, sessionResponseSchema } from './accounts.schema.ts';
import { login, logout, recordFailedSignIn } from './accounts.service.ts';

export const registerAccountRoutes: RoutesPlugin = async (app) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.COOKIE_SECURE,
  } as const;

  app.post(
    '/api/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign in: sets the session cookie and returns the CSRF token for later writes',
        body: loginBodySchema,
        response: {
          200: sessionResponseSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
      config: {
        skipCsrf: true,
        anonymous: true,
        rateLimit: { max: app.config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const throttle = {
        maxFailures: app.config.LOGIN_ACCOUNT_MAX_FAILURES,
        windowMinutes: app.config.LOGIN_ACCOUNT_WINDOW_MINUTES,
      };
      const { token, session } = await app.db
        .transaction()
        .execute((trx) => login(trx, request.body, { now, ttlHours: app.config.SESSION_TTL_HOURS }, throttle))
        .catch(async (error: unknown) => {
          if (error instanceof DomainError && error.code === 'auth.invalid_credentials') {
            await recordFailedSignIn(app.db, request.body.email, now, throttle);
          }
          throw error;
        });
      reply.setCookie(sessionCookieName, token, { ...cookieOptions, expires: new Date(session.expiresAt) });
      return session;
    },
  );

  app.get(
    '/api/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user, role and CSRF token; null when nobody is signed in',
        description:
          'Answers 200 in both cases, so that a web page can ask without a failed request in the console.',
        response: { 200: sessionResponseSchema.nullable() },
      },
    },
    async (request) => request.auth?.session ?? null,
  );

  app.delete(
    '/api/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign out',
        response: { 204: z.null(), 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (request, reply) => {
      await logout(app.db, requireAuth(request).token);
      reply.clearCookie(sessionCookieName, cookieOptions);
      return reply.status(204).send(null);
    },
  );
};
