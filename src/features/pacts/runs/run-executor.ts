import type { AllocationReport } from '../../../core/allocate/index.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Db } from '../../../db/database.ts';
import { markProgress, touchRuns } from '../versions/versions.repository.ts';
import { type EngineFailure, type EngineProgress, runEngine, toFailure } from './run-engine.ts';
import { EnginePool } from './run-pool.ts';
import { completeRun, failRun, type RunJob, staleAfterMs } from './runs.service.ts';

export interface ExecutorOptions {
  /** Heuristic jobs up to this many races × members run inline: they take milliseconds. */
  inlineLimit?: number;
  /** Where failures of the executor itself are reported (the job's own failure is stored on it). */
  log?: (error: unknown, message: string) => void;
}

/**
 * A failure worth another attempt: the process stopped under the run, or the engine crashed.
 * A refusal of the engine (an infeasible pact) is the run's outcome and stays one.
 */
export function isTransient(error: unknown): boolean {
  return !(error instanceof DomainError) || error.code === 'pact.run_interrupted';
}

/** Thrown by `execute` in queue mode for a transient failure: the job queue retries the run. */
export class RunRetry extends Error {
  constructor(readonly failure: EngineFailure) {
    super(failure.message);
  }
}

/**
 * Runs pact jobs: small heuristic ones inline, the rest in the engine's worker thread, so
 * an exact solve never blocks the server. Progress goes to the job's row (any server process can
 * answer `GET …/runs/:id`), the result becomes a version in its own transaction, and a heartbeat
 * marks the jobs this process holds as alive. Running a job whose run has ended changes nothing
 * (completeRun and failRun lock the run and check it is still active), so the job queue may run
 * a job again after a crash: the run completes once.
 */
export class RunExecutor {
  private readonly pool = new EnginePool();
  private readonly running = new Map<string, Promise<void>>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly inlineLimit: number;
  private readonly log: (error: unknown, message: string) => void;

  constructor(
    private readonly db: Db,
    options: ExecutorOptions = {},
  ) {
    this.inlineLimit = options.inlineLimit ?? 20_000;
    this.log = options.log ?? (() => {});
    this.heartbeat = setInterval(() => this.beat(), staleAfterMs / 6);
    this.heartbeat.unref();
  }

  runsInline(job: RunJob): boolean {
    return job.mode === 'heuristic' && job.size <= this.inlineLimit;
  }

  /**
   * Runs the job to its end (version stored, or failure recorded) and never rejects: the CLI and
   * tests await it.
   */
  execute(job: RunJob, onProgress?: (progress: EngineProgress) => void): Promise<void> {
    const done = this.work(job, { onProgress, retry: false })
      .catch((error: unknown) => this.log(error, `pact run ${job.runId} could not be recorded`))
      .finally(() => this.running.delete(job.runId));
    this.running.set(job.runId, done);
    return done;
  }

  /**
   * The job queue's way in: like `execute`, but a transient failure (the process stopping, the
   * engine crashing, the database failing) rejects with it instead of failing the run, so the
   * queue retries the job with backoff; on the last attempt it is recorded like any failure.
   */
  async executeQueued(job: RunJob, options: { lastAttempt: boolean }): Promise<void> {
    const done = this.work(job, { retry: !options.lastAttempt });
    this.running.set(job.runId, done);
    try {
      await done;
    } finally {
      if (this.running.get(job.runId) === done) this.running.delete(job.runId);
    }
  }

  /** Stops the worker; jobs it held are recorded as failed before this resolves. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    await this.pool.close();
    await Promise.allSettled([...this.running.values()]);
  }

  private async work(
    job: RunJob,
    options: { onProgress?: ((progress: EngineProgress) => void) | undefined; retry: boolean },
  ): Promise<void> {
    const { onProgress } = options;
    // Progress writes are chained so they land in order, and before the job's outcome.
    let writes = Promise.resolve();
    const progress = (step: EngineProgress) => {
      onProgress?.(step);
      writes = writes
        .then(() => markProgress(this.db, job.runId, step, new Date()).then(() => undefined))
        .catch((error: unknown) => this.log(error, `pact run ${job.runId}: progress not saved`));
    };
    let report: AllocationReport;
    try {
      report = this.runsInline(job)
        ? await runEngine(job.input, job.mode, progress)
        : await this.pool.run(job.input, job.mode, progress);
    } catch (error) {
      await writes;
      if (options.retry && isTransient(error)) throw new RunRetry(toFailure(error));
      await this.db
        .transaction()
        .execute((trx) => failRun(trx, job.coalitionId, job.runId, toFailure(error), new Date()));
      return;
    }
    await writes;
    await this.db
      .transaction()
      .execute((trx) => completeRun(trx, job.coalitionId, job.runId, report, new Date()));
  }

  private beat(): void {
    const ids = [...this.running.keys()];
    if (ids.length === 0) return;
    touchRuns(this.db, ids, new Date()).catch((error: unknown) =>
      this.log(error, 'pact run heartbeat failed'),
    );
  }
}
