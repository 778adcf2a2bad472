import { fromKysely, PgBoss } from 'pg-boss';
import { everyKey } from './local-queue.ts';
import type { EnqueueOptions, JobHandler, JobQueue, QueueOptions, StartOptions } from './queue.ts';

export interface PgBossQueueOptions {
  /**
   * How often pg-boss's supervisor looks for jobs whose process stopped (no heartbeat) and
   * retries them, in seconds. Also its maintenance period.
   */
  superviseSeconds?: number;
  /** A job's process must be heard from this often, in seconds (pg-boss: at least 10). */
  heartbeatSeconds?: number;
  /** How often an idle worker asks for jobs, in seconds. */
  pollSeconds?: number;
  log?: (error: unknown, message: string) => void;
}

interface Registered {
  options: QueueOptions;
  handler: JobHandler<object>;
}

/**
 * The job queue on PostgreSQL: pg-boss, in its own schema `pgboss` of the application's database.
 * Every app server works the same queues, and pg-boss hands each job to one of them (SKIP LOCKED).
 * A server killed mid-job stops sending the job's heartbeat; pg-boss's supervisor, on any server
 * still running or the next one to start, then fails the attempt and retries it.
 */
export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly queues = new Map<string, Registered>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly stopping = new AbortController();
  private readonly schedules: { queue: string; periodMs: number }[] = [];
  /** This process's pg-boss worker of each queue it works (for wake). */
  private readonly workers = new Map<string, string>();
  private readonly heartbeatSeconds: number;
  private readonly pollSeconds: number;
  private readonly log: (error: unknown, message: string) => void;
  private started = false;

  constructor(url: string, options: PgBossQueueOptions = {}) {
    const superviseSeconds = options.superviseSeconds ?? 10;
    this.heartbeatSeconds = Math.max(10, options.heartbeatSeconds ?? 10);
    this.pollSeconds = options.pollSeconds ?? 1;
    this.log = options.log ?? (() => {});
    this.boss = new PgBoss({
      connectionString: url,
      schema: 'pgboss',
      application_name: 'concord-jobs',
      max: 4,
      superviseIntervalSeconds: superviseSeconds,
      monitorIntervalSeconds: superviseSeconds,
    });
    this.boss.on('error', (error) => this.log(error, 'pg-boss'));
  }

  register<T extends object>(queue: string, options: QueueOptions, handler: JobHandler<T>): void {
    this.queues.set(queue, { options, handler: handler as JobHandler<object> });
  }

  async start({ work = true }: StartOptions = {}): Promise<void> {
    await this.boss.start();
    for (const [name, { options, handler }] of this.queues) {
      const policy = {
        retryLimit: options.retryLimit,
        retryDelay: options.retryDelaySeconds,
        retryBackoff: options.backoff,
        heartbeatSeconds: this.heartbeatSeconds,
      };
      // `exclusive`: one job per key waiting or running, so a duplicate enqueue is dropped.
      if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, policy);
      else await this.boss.createQueue(name, { policy: 'exclusive', ...policy });
      // send() refuses a queue that does not exist: it is created above even when not worked here.
      if (!work) continue;
      const worker = await this.boss.work(
        name,
        {
          includeMetadata: true,
          batchSize: 1,
          localConcurrency: options.concurrency,
          pollingIntervalSeconds: this.pollSeconds,
        },
        async (jobs) => {
          for (const job of jobs) {
            await handler(job.data as object, {
              id: job.id,
              attempt: job.retryCount + 1,
              lastAttempt: job.retryCount >= job.retryLimit,
              signal: this.stopping.signal,
            });
          }
        },
      );
      this.workers.set(name, worker);
    }
    this.started = true;
    for (const { queue, periodMs } of this.schedules) this.startTicking(queue, periodMs);
  }

  async enqueue<T extends object>(queue: string, data: T, options: EnqueueOptions = {}): Promise<void> {
    await this.boss.send(queue, data, {
      ...(options.key ? { singletonKey: options.key } : {}),
      ...(options.trx ? { db: fromKysely(options.trx) } : {}),
    });
  }

  wake(queue: string): void {
    const worker = this.workers.get(queue);
    if (worker) this.boss.notifyWorker(worker);
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
    for (const timer of this.timers) clearInterval(timer);
    this.stopping.abort();
    await this.boss.stop({ graceful: true, timeout: 3_000, close: true });
  }
}
