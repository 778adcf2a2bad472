import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import {
  type EnqueueOptions,
  type JobHandler,
  type JobQueue,
  type QueueOptions,
  retryDelayMs,
  type StartOptions,
} from './queue.ts';

export interface LocalQueueOptions {
  /** How often an idle queue looks for due jobs (retries, jobs enqueued by a transaction). */
  pollMs?: number;
  log?: (error: unknown, message: string) => void;
  now?: () => Date;
}

interface Registered {
  options: QueueOptions;
  handler: JobHandler<object>;
  running: number;
}

/**
 * The job queue of embedded PGlite: jobs are rows of the `jobs` table, written in the caller's
 * transaction, claimed and run by this process. Only one process may open a PGlite data directory
 * (data-dir-lock.ts), so at start every job still marked active was cut short by a process that
 * is gone (kill -9, power loss): it is put back to run again at once. Not for several processes
 * on one PostgreSQL: there pg-boss runs the jobs (pgboss-queue.ts).
 */
/** Finished jobs are kept this long (for a look at what ran), as pg-boss keeps its own. */
const keepFinishedMs = 7 * 24 * 60 * 60 * 1000;
const sweepEveryMs = 60 * 60 * 1000;

/** The key of the jobs `every` enqueues: one waiting or running at a time. */
export const everyKey = 'every';

export class LocalJobQueue implements JobQueue {
  readonly kind = 'local' as const;
  private readonly queues = new Map<string, Registered>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly stopping = new AbortController();
  private readonly schedules: { queue: string; periodMs: number }[] = [];
  private readonly pollMs: number;
  private readonly log: (error: unknown, message: string) => void;
  private readonly now: () => Date;
  private started = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    options: LocalQueueOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1_000;
    this.log = options.log ?? (() => {});
    this.now = options.now ?? (() => new Date());
  }

  register<T extends object>(queue: string, options: QueueOptions, handler: JobHandler<T>): void {
    this.queues.set(queue, { options, handler: handler as JobHandler<object>, running: 0 });
  }

  async start(options: StartOptions = {}): Promise<void> {
    // Enqueueing needs nothing started: the jobs wait in the table for a process that works them.
    if (options.work === false) return;
    // Whoever ran these is gone: the lock on the data directory says this process is the only one.
    await this.db
      .updateTable('jobs')
      .set({ state: 'retry', run_after: this.now() })
      .where('state', '=', 'active')
      .execute();
    this.started = true;
    void this.sweep();
    const sweeper = setInterval(() => void this.sweep(), sweepEveryMs);
    sweeper.unref();
    this.timers.push(sweeper);
    for (const { queue, periodMs } of this.schedules) this.startTicking(queue, periodMs);
    const poll = setInterval(() => this.pumpAll(), this.pollMs);
    poll.unref();
    this.timers.push(poll);
    this.pumpAll();
  }

  async enqueue<T extends object>(queue: string, data: T, options: EnqueueOptions = {}): Promise<void> {
    await (options.trx ?? this.db)
      .insertInto('jobs')
      .values({ queue, key: options.key ?? null, data: JSON.stringify(data), state: 'created' })
      .onConflict((oc) =>
        oc.columns(['queue', 'key']).where(sql<boolean>`state in ('created', 'retry', 'active')`).doNothing(),
      )
      .execute();
    // Inside a transaction the row shows only after the commit: look again shortly after.
    this.nudge(queue, options.trx ? 25 : 0);
  }

  wake(queue: string): void {
    this.nudge(queue, 0);
  }

  every(queue: string, periodMs: number): void {
    this.schedules.push({ queue, periodMs });
    if (this.started) this.startTicking(queue, periodMs);
  }

  private startTicking(queue: string, periodMs: number): void {
    const tick = () =>
      this.enqueue(queue, {}, { key: everyKey }).catch((error: unknown) =>
        this.log(error, `could not enqueue ${queue}`),
      );
    void tick();
    const timer = setInterval(tick, periodMs);
    timer.unref();
    this.timers.push(timer);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    this.stopping.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  /** Deletes jobs finished more than a week ago: the close job alone adds one every 30 s. */
  private async sweep(): Promise<void> {
    try {
      await this.db
        .deleteFrom('jobs')
        .where('state', 'in', ['completed', 'failed'])
        .where('finished_at', '<', new Date(this.now().getTime() - keepFinishedMs))
        .execute();
    } catch (error) {
      this.log(error, 'could not delete old jobs');
    }
  }

  private nudge(queue: string, delayMs: number): void {
    if (!this.started || this.stopped) return;
    const timer = setTimeout(() => this.pump(queue), delayMs);
    timer.unref();
  }

  private pumpAll(): void {
    for (const queue of this.queues.keys()) this.pump(queue);
  }

  /** Claims as many due jobs as the queue has free slots, and runs them. */
  private pump(queue: string): void {
    const registered = this.queues.get(queue);
    if (!registered || this.stopped) return;
    const free = registered.options.concurrency - registered.running;
    if (free <= 0) return;
    registered.running += free; // reserved until the claim says how many it got
    const claiming = this.claim(queue, free).then(
      (jobs) => {
        registered.running -= free - jobs.length;
        for (const job of jobs) this.track(this.run(queue, registered, job));
      },
      (error: unknown) => {
        registered.running -= free;
        this.log(error, `could not claim ${queue} jobs`);
      },
    );
    this.track(claiming);
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private claim(queue: string, limit: number) {
    const now = this.now();
    return this.db
      .updateTable('jobs')
      .set((eb) => ({ state: 'active', attempts: eb('attempts', '+', 1), started_at: now }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('jobs')
          .select('id')
          .where('queue', '=', queue)
          .where('state', 'in', ['created', 'retry'])
          .where('run_after', '<=', now)
          .orderBy('run_after')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning(['id', 'data', 'attempts'])
      .execute();
  }

  private async run(
    queue: string,
    registered: Registered,
    job: { id: string; data: unknown; attempts: number },
  ): Promise<void> {
    const { options, handler } = registered;
    const lastAttempt = job.attempts > options.retryLimit;
    try {
      await handler(job.data as object, {
        id: job.id,
        attempt: job.attempts,
        lastAttempt,
        signal: this.stopping.signal,
      });
      await this.settle(job.id, { state: 'completed', finished_at: this.now() });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log(error, `${queue} job ${job.id} failed (attempt ${job.attempts})`);
      await this.settle(
        job.id,
        lastAttempt
          ? { state: 'failed', last_error: message, finished_at: this.now() }
          : {
              state: 'retry',
              last_error: message,
              run_after: new Date(this.now().getTime() + retryDelayMs(options, job.attempts)),
            },
      );
    } finally {
      registered.running -= 1;
      this.nudge(queue, 0);
    }
  }

  private async settle(
    id: string,
    patch: {
      state: 'completed' | 'failed' | 'retry';
      last_error?: string;
      run_after?: Date;
      finished_at?: Date;
    },
  ): Promise<void> {
    try {
      await this.db
        .updateTable('jobs')
        .set(patch)
        .where('id', '=', id)
        .where('state', '=', 'active')
        .execute();
    } catch (error) {
      // The database is closing: the job stays active and the next start puts it back.
      this.log(error, `job ${id}: its outcome was not recorded`);
    }
  }
}
