import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { connect, describeTarget, targetFromEnv } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { demoLogin, hasDemoCoalition, isDemoNeeded, loadDemo } from './demo/demo.service.ts';
import { deleteExpiredSessions } from './features/accounts/index.ts';
import { scheduleDecisionCloses } from './features/decisions/index.ts';
import { demoEmail, demoSecretariatEmail } from './features/registry/index.ts';
import { openJobQueue } from './jobs/index.ts';
import { createLogger } from './logger.ts';
import { startBanner } from './start-banner.ts';

export interface ServeOptions {
  /** Load the demo coalition when the database holds no coalition yet. */
  demoIfEmpty: boolean;
}

/** Expired sessions are also deleted at every sign-in; the sweep covers a server nobody signs in to. */
const sessionSweepMs = 60 * 60 * 1000;

/** Hard limit on a graceful shutdown: in-flight requests get this long to finish. */
const shutdownGraceMs = 4_500;

/** Connects, migrates, optionally loads the demo, listens, and shuts down cleanly on a signal. */
export async function serve(config: Config, options: ServeOptions): Promise<void> {
  const logger = createLogger(config);
  const handle = await connect(targetFromEnv(config), { holder: 'server' });
  logger.info(`database: ${describeTarget(handle.target)}`);
  const applied = await migrateToLatest(handle.db);
  if (applied.length > 0) logger.info({ migrations: applied }, `applied ${applied.length} migration(s)`);

  if (options.demoIfEmpty && (await isDemoNeeded(handle.db))) {
    await loadDemo(handle.db, { log: (line) => logger.info(line) });
  }
  const demoLoginHint = (await hasDemoCoalition(handle.db)) ? demoLogin : undefined;

  let closing = false;
  // Durable jobs (docs/decisions/0017): pg-boss on PostgreSQL, the embedded runner on PGlite.
  const jobs = await openJobQueue(handle.target, handle.db, {
    log: (error, message) => logger.error({ err: error }, message),
  });
  logger.info(`jobs: ${jobs.kind}`);
  const app = await buildApp({
    db: handle.db,
    config,
    logger,
    serveWebApp: true,
    jobs,
    listen: handle.listen,
  });
  const sweep = () =>
    deleteExpiredSessions(handle.db, new Date()).then(
      (deleted) => deleted > 0 && logger.info(`deleted ${deleted} expired session(s)`),
      (error: unknown) => logger.error({ err: error }, 'session sweep failed'),
    );
  void sweep();
  const sweeper = setInterval(sweep, sessionSweepMs);
  sweeper.unref();
  // Reads never write: this job (and the first write after a deadline) stores the closes. With
  // several servers one job runs per period, on any of them; each close locks its row.
  scheduleDecisionCloses(jobs, handle.db, config.CONCORD_CLOSE_INTERVAL_MS, logger);
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    await handle.close();
  });
  // While shutting down, answer in-flight requests with `Connection: close`, so that keep-alive
  // sockets do not hold the process open after their last response.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  await app.listen({ port: config.PORT, host: config.HOST });

  const url = `http://localhost:${config.PORT}`;
  const logins = demoLoginHint
    ? [
        { role: 'admin', email: demoLoginHint.email },
        { role: 'secretariat', email: demoSecretariatEmail },
        { role: 'delegate', email: demoEmail('Harbor Greens') },
      ]
    : [];
  process.stdout.write(`\n${startBanner({ url, logins, password: demoLoginHint?.password ?? null })}\n\n`);

  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info(`${signal}: closing (finishing in-flight requests)`);
    const timer = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, shutdownGraceMs);
    timer.unref();
    // Fastify stops accepting, waits for in-flight requests, then runs onClose (the database).
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}
