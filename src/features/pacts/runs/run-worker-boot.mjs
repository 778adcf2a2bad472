// Starts the engine worker: a worker thread does not inherit the TypeScript loader that runs the
// main thread (bin/concord.js, vitest), so it registers tsx itself before importing the worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
