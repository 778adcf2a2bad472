import type { DatabaseTarget } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { LocalJobQueue } from './local-queue.ts';
import type { JobQueue } from './queue.ts';

export { LocalJobQueue } from './local-queue.ts';
export type {
  EnqueueOptions,
  JobContext,
  JobHandler,
  JobQueue,
  QueueOptions,
  RetryPolicy,
  StartOptions,
} from './queue.ts';
export { retryDelayMs } from './queue.ts';

export interface OpenJobQueueOptions {
  log?: (error: unknown, message: string) => void;
  /** pg-boss's supervise period, in seconds (how soon a killed server's job is retried). */
  superviseSeconds?: number;
}

/**
 * pg-boss on a PostgreSQL server (any number of app servers share its queues); the embedded
 * runner on PGlite (one process per data directory). pg-boss is loaded only when used.
 */
export async function openJobQueue(
  target: DatabaseTarget,
  db: Db,
  options: OpenJobQueueOptions = {},
): Promise<JobQueue> {
  if (target.kind === 'postgres') {
    const { PgBossJobQueue } = await import('./pgboss-queue.ts');
    return new PgBossJobQueue(target.url, options);
  }
  return new LocalJobQueue(db, options.log ? { log: options.log } : {});
}
