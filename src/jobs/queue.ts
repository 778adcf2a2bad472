import type { Db } from '../db/database.ts';

/**
 * Durable background jobs (docs/decisions/0017): pact runs and the decision close job go through
 * this interface, which pg-boss implements on PostgreSQL (pgboss-queue.ts) and a runner of our own
 * implements on embedded PGlite (local-queue.ts). Both keep every job in the database, so a job
 * survives a restart, and both run a job at least once: handlers are written to be idempotent
 * (a second run of a finished job changes nothing).
 */

export interface RetryPolicy {
  /** Retries after the first attempt; a job fails for good after 1 + retryLimit attempts. */
  retryLimit: number;
  /** Delay before the first retry, in seconds. */
  retryDelaySeconds: number;
  /** Double the delay at each further retry (exponential backoff). */
  backoff: boolean;
}

export interface QueueOptions extends RetryPolicy {
  /** Jobs of this queue one process runs at the same time. */
  concurrency: number;
}

/** What a handler learns about the attempt it runs. */
export interface JobContext {
  id: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** No retry follows if this attempt throws: the handler records the failure itself. */
  lastAttempt: boolean;
  /** Aborted when the queue stops: a long handler lets go (throws), and the job runs again later. */
  signal: AbortSignal;
}

export type JobHandler<T> = (data: T, context: JobContext) => Promise<void>;

export interface EnqueueOptions {
  /**
   * At most one unfinished job per key in a queue: a second enqueue with the key of a job still
   * waiting or running is dropped (idempotent enqueue).
   */
  key?: string;
  /** The caller's open transaction: the job is recorded with the caller's writes, or not at all. */
  trx?: Db;
}

export interface StartOptions {
  /** Take jobs of the registered queues (default true). */
  work?: boolean;
}

export interface JobQueue {
  /** `pg-boss` or `local` (docs and logs). */
  readonly kind: 'pg-boss' | 'local';
  /** Declares a queue and the handler this process runs its jobs with. Call before start(). */
  register<T extends object>(queue: string, options: QueueOptions, handler: JobHandler<T>): void;
  /**
   * Starts working the registered queues. With `work: false` it only makes them ready to enqueue
   * to (pg-boss creates its schema and queues) and takes no job: a process that hands work to
   * others (`concord pact run --no-wait`).
   */
  start(options?: StartOptions): Promise<void>;
  /** Records a job; resolves once it is stored (or dropped as a duplicate key). */
  enqueue<T extends object>(queue: string, data: T, options?: EnqueueOptions): Promise<void>;
  /**
   * Looks for due jobs of `queue` in this process now instead of at its next poll: call it once the
   * transaction that enqueued a job has committed (a job sent in a transaction shows only then).
   */
  wake(queue: string): void;
  /**
   * Enqueues a `queue` job every period. Every process that shares the database ticks, but a tick
   * adds nothing while a job of the queue is still waiting or running: the job runs once, on any
   * one process, however many processes tick.
   */
  every(queue: string, periodMs: number): void;
  /** Stops taking jobs and waits for the running handlers to settle. */
  stop(): Promise<void>;
}

/** The delay before retry number `retry` (1 for the first retry), in milliseconds. */
export function retryDelayMs(policy: RetryPolicy, retry: number): number {
  const base = policy.retryDelaySeconds * 1000;
  return policy.backoff ? base * 2 ** Math.max(0, retry - 1) : base;
}
