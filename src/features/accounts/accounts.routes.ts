import { requireAuth, sessionCookieName } from '../../http/auth.ts';
import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { accountsContract } from './accounts.contract.ts';
import { login, logout } from './accounts.service.ts';

export const registerAccountRoutes: RoutesPlugin = async (app) => {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.COOKIE_SECURE,
  } as const;

  registerEndpoint(
    app,
    accountsContract.signIn,
    async ({ body }, _request, reply) => {
      const { token, session } = await app.db
        .transaction()
        .execute((trx) => login(trx, body, { now: new Date(), ttlHours: app.config.SESSION_TTL_HOURS }));
      reply.setCookie(sessionCookieName, token, { ...cookieOptions, expires: new Date(session.expiresAt) });
      return session;
    },
    {
      config: {
        skipCsrf: true,
        rateLimit: { max: app.config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' },
      },
    },
  );

  registerEndpoint(app, accountsContract.session, async (_input, request) => request.auth?.session ?? null);

  registerEndpoint(app, accountsContract.signOut, async (_input, request, reply) => {
    await logout(app.db, requireAuth(request).token);
    reply.clearCookie(sessionCookieName, cookieOptions);
    return null;
  });
};
