import { randomUUID } from 'node:crypto';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyBaseLogger, type FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import { DomainError } from './core/errors.ts';
import type { Database } from './db/database.ts';
import type { Listen } from './db/listen.ts';
import { registerAccountRoutes } from './features/accounts/accounts.routes.ts';
import { sessionAuthenticator } from './features/accounts/index.ts';
import { registerAuditRoutes } from './features/audit/audit.routes.ts';
import { registerDecisionRoutes } from './features/decisions/decisions.routes.ts';
import { registerMapRoutes } from './features/map/map.routes.ts';
import { registerPactRoutes } from './features/pacts/pacts.routes.ts';
import { registerPublicPactRoutes } from './features/pacts/public/public.routes.ts';
import { registerPetitionRoutes } from './features/petitions/petitions.routes.ts';
import { registerRctabRoutes } from './features/rctab/rctab.routes.ts';
import { registerRegistryRoutes } from './features/registry/registry.routes.ts';
import { registerSupporterRoutes } from './features/supporters/supporters.routes.ts';
import { registerTabulationRoutes } from './features/tabulation/tabulation.routes.ts';
import { registerSlateRoutes } from './features/tickets/slate.routes.ts';
import { registerTicketRoutes } from './features/tickets/tickets.routes.ts';
import { registerWorkspaceRoutes } from './features/workspace/workspace.routes.ts';
import { installAuth } from './http/auth.ts';
import { installChangeFeed } from './http/change-feed.ts';
import { defaultBodyLimit, installEdge } from './http/edge.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { registerHealthRoutes } from './http/health.routes.ts';
import { installOpenApi } from './http/openapi.ts';
import { installSecurityHeaders } from './http/security-headers.ts';
import type { App, RoutesPlugin } from './http/types.ts';
import { installWebApp } from './http/web-app.ts';
import { type JobQueue, LocalJobQueue } from './jobs/index.ts';

/** Every feature's routes, in one list. */
const featureRoutes: RoutesPlugin[] = [
  registerHealthRoutes,
  registerAccountRoutes,
  registerAuditRoutes,
  registerRegistryRoutes,
  registerSupporterRoutes,
  registerDecisionRoutes,
  registerMapRoutes,
  registerPactRoutes,
  registerPublicPactRoutes,
  registerPetitionRoutes,
  registerTicketRoutes,
  registerSlateRoutes,
  registerTabulationRoutes,
  registerRctabRoutes,
  registerWorkspaceRoutes,
];

export interface BuildAppOptions {
  db: Kysely<Database>;
  config: Config;
  /** Request logs go here; none when omitted (tests). */
  logger?: FastifyBaseLogger;
  /** Serve web/dist when it exists (off in API tests). */
  serveWebApp?: boolean;
  /** Fail (500) when a route answers an error code its contract does not declare; on in tests. */
  strictContracts?: boolean;
  /**
   * The job queue (serve passes pg-boss on PostgreSQL); by default the embedded runner on `db`.
   * Features register their queues while the app is built; the queue starts when the app is ready
   * and stops before the database closes.
   */
  jobs?: JobQueue;
  /**
   * The database's change notifications (DatabaseHandle.listen): with them, cached public answers
   * and sessions are served without a query per request. Without (most tests), they are checked
   * against the database on every request.
   */
  listen?: Listen;
}

/** Builds the whole HTTP app without listening: tests drive it with `app.inject`. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,100}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: defaultBodyLimit,
    // The router's own refusals (a URL that is not valid UTF-8) in the documented error shape.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      reply
        .status(400)
        .type('application/json')
        .send({ error: { code: `request.${error.code.toLowerCase()}`, message: error.message } });
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('db', options.db);
  app.decorate('config', options.config);
  app.decorate('strictContracts', options.strictContracts ?? false);
  const jobs =
    options.jobs ??
    new LocalJobQueue(options.db, { log: (error, message) => app.log.error({ err: error }, message) });
  app.decorate('jobs', jobs);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  installErrorHandling(app);
  installEdge(app);
  await installSecurityHeaders(app);
  // Map shapes and large tallies are JSON of a megabyte or more: gzip or brotli when the client accepts it.
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'rate_limited',
        'auth.rate_limited',
        `Too many attempts: try again in ${context.after}.`,
        {
          retryAfter: context.after,
        },
      ),
  });
  await installOpenApi(app);
  await installChangeFeed(app, options.listen);
  installAuth(app, sessionAuthenticator);

  for (const routes of featureRoutes) await app.register(routes);
  app.addHook('onReady', () => jobs.start());
  // preClose runs before the features' own (and before the database closes in onClose): stopping
  // signals the running handlers to let go, and waits for them.
  app.addHook('preClose', () => jobs.stop());
  if (options.serveWebApp) await installWebApp(app);
  return app;
}
