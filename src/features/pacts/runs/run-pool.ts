import { Worker } from 'node:worker_threads';
import type { AllocationReport, PactInput } from '../../../core/allocate/index.ts';
import { DomainError } from '../../../core/errors.ts';
import { workerEntry } from '../../../worker-entry.ts';
import {
  type EngineMessage,
  type EngineMode,
  type EngineProgress,
  type EngineRequest,
  fromFailure,
} from './run-engine.ts';

interface Job {
  request: EngineRequest;
  onProgress: (progress: EngineProgress) => void;
  resolve: (report: AllocationReport) => void;
  reject: (error: Error) => void;
}

/** The server (or the CLI) stopped before the job ran to its end: it can simply be run again. */
const interrupted = () =>
  new DomainError(
    'conflict',
    'pact.run_interrupted',
    'The process stopped before the run finished: run it again.',
  );

// scripts/build.ts bundles run.worker.ts to dist/run.worker.js (its list of entry points).
const engineWorker = workerEntry(new URL('./run.worker.ts', import.meta.url), 'run.worker');

/**
 * A pool of one engine worker thread. Jobs queue and run one at a time (the machine has few
 * cores; a second exact solve would only slow the first). The worker starts on the first job and
 * stays for the next (HiGHS loads once); it does not keep the process alive. A crashed worker
 * fails its job and is replaced on the next one.
 */
export class EnginePool {
  private worker: Worker | undefined;
  private current: Job | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  run(input: PactInput, mode: EngineMode, onProgress: (progress: EngineProgress) => void) {
    return new Promise<AllocationReport>((resolve, reject) => {
      if (this.closed) {
        reject(interrupted());
        return;
      }
      this.queue.push({ request: { jobId: this.nextId++, input, mode }, onProgress, resolve, reject });
      this.pump();
    });
  }

  /** Jobs waiting or running. */
  get pending(): number {
    return this.queue.length + (this.current ? 1 : 0);
  }

  /** Stops the worker; jobs still queued or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    const error = interrupted();
    for (const job of this.queue.splice(0)) job.reject(error);
    this.current?.reject(error);
    this.current = undefined;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const job = this.queue.shift();
    if (!job) {
      this.worker?.unref();
      return;
    }
    this.current = job;
    const worker = this.ensureWorker();
    worker.ref();
    worker.postMessage(job.request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(engineWorker.file, { workerData: engineWorker.workerData });
    worker.on('message', (message: EngineMessage) => this.onMessage(message));
    worker.on('error', (error) => this.onExit(worker, error));
    worker.on('exit', (code) => this.onExit(worker, new Error(`the engine worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private onMessage(message: EngineMessage): void {
    const job = this.current;
    if (!job || job.request.jobId !== message.jobId) return;
    if (message.type === 'progress') {
      job.onProgress({ phase: message.phase, percent: message.percent });
      return;
    }
    this.current = undefined;
    if (message.type === 'done') job.resolve(message.report);
    else job.reject(fromFailure(message.failure));
    this.pump();
  }

  private onExit(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const job = this.current;
    this.current = undefined;
    job?.reject(error);
    this.pump();
  }
}
