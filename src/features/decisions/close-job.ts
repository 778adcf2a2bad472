import type { Db } from '../../db/database.ts';
import type { JobQueue, QueueOptions } from '../../jobs/index.ts';
import { closeAllDueDecisions } from './close.service.ts';

/** The queue of the close job (docs/decisions/0012, 0017). */
export const decisionCloseQueue = 'decisions-close';

/**
 * One close job waiting or running at a time for all the servers together (`every` adds none while
 * one is unfinished). A failed pass is retried after 5 s, then 10 s; the next tick comes anyway.
 */
const closeQueueOptions: QueueOptions = {
  concurrency: 1,
  retryLimit: 2,
  retryDelaySeconds: 5,
  backoff: true,
};

interface CloseLog {
  info(message: string): void;
  error(details: { err: unknown; decision?: string }, message: string): void;
}

/**
 * Stores the close of decisions whose window has passed, as a job every `periodMs` (reads never
 * write: docs/decisions/0012). Whichever server takes the job closes each decision in its own
 * transaction with the row locked and checked again, so a write racing it (or a job run twice)
 * finds it closed: one close, one audit event.
 */
export function scheduleDecisionCloses(jobs: JobQueue, db: Db, periodMs: number, log: CloseLog): void {
  jobs.register(decisionCloseQueue, closeQueueOptions, async () => {
    const { closed, failed } = await closeAllDueDecisions(db, new Date());
    if (closed > 0) log.info(`closed ${closed} decision(s) whose window had passed`);
    for (const { id, error } of failed) log.error({ err: error, decision: id }, 'closing a decision failed');
    if (failed.length > 0) throw new Error(`${failed.length} decision close(s) failed`);
  });
  jobs.every(decisionCloseQueue, periodMs);
}
