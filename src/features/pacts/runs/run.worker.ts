/**
 * The engine's worker thread (started by engine-pool.ts through engine-worker-boot.mjs): runs one
 * job at a time, so HiGHS, which is synchronous WebAssembly, never blocks the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { type EngineMessage, type EngineRequest, runEngine, toFailure } from './run-engine.ts';

const port = parentPort;
if (!port) throw new Error('engine.worker.ts runs as a worker thread only');

const send = (message: EngineMessage) => port.postMessage(message);

port.on('message', async ({ jobId, input, mode }: EngineRequest) => {
  try {
    const report = await runEngine(input, mode, (progress) => send({ type: 'progress', jobId, ...progress }));
    send({ type: 'done', jobId, report });
  } catch (error) {
    send({ type: 'failed', jobId, failure: toFailure(error) });
  }
});
