// Starts a worker thread from the TypeScript sources (src/worker-entry.ts): a worker thread does
// not inherit the TypeScript loader that runs the main thread (tsx, vitest), so it registers tsx
// itself before importing the worker's entry file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
