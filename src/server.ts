import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { connect, describeTarget, targetFromEnv } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { demoLogin, hasDemoCoalition, isDemoNeeded, loadDemo } from './demo/demo.service.ts';
import { deleteExpiredSessions } from './features/accounts/index.ts';
import { closeAllDueDecisions } from './features/decisions/index.ts';
import { demoEmail, demoSecretariatEmail } from './features/registry/index.ts';
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
  const app = await buildApp({ db: handle.db, config, logger, serveWebApp: true, listen: handle.listen });
  const sweep = () =>
    deleteExpiredSessions(handle.db, new Date()).then(
      (deleted) => deleted > 0 && logger.info(`deleted ${deleted} expired session(s)`),
      (error: unknown) => logger.error({ err: error }, 'session sweep failed'),
    );
  void sweep();
  const sweeper = setInterval(sweep, sessionSweepMs);
  sweeper.unref();
  // Reads never write: this timer (and the first write after a deadline) stores the closes.
  // Safe with several servers on one database: each close locks its row and checks it again.
  let closingDecisions = false;
  const closeDue = async () => {
    if (closingDecisions) return;
    closingDecisions = true;
    try {
      const { closed, failed } = await closeAllDueDecisions(handle.db, new Date());
      if (closed > 0) logger.info(`closed ${closed} decision(s) whose window had passed`);
      for (const { id, error } of failed)
        logger.error({ err: error, decision: id }, 'closing a decision failed');
    } catch (error) {
      logger.error({ err: error }, 'the close job failed');
    } finally {
      closingDecisions = false;
    }
  };
  void closeDue();
  const closer = setInterval(closeDue, config.CONCORD_CLOSE_INTERVAL_MS);
  closer.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    clearInterval(closer);
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
