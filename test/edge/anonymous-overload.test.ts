import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type ServerProcess, startServer } from '../helpers/server-process.ts';

/**
 * The probe's overload: anonymous clients post huge bodies. Measured from outside, on a real
 * server process: its resident memory (from /proc) and the latency of /healthz while it happens.
 * The bounds are generous on purpose (a loaded 2-core CI machine): before the session check moved
 * ahead of the body, a dozen such requests took 2.3 GB and stalled the server for half a minute.
 */
const bodyBytes = 49 * 1024 * 1024;
const clients = 30;
const rounds = 3;

type Outcome = { status: number } | { reset: string };

function attack(base: string): Promise<Outcome[]> {
  const script = join(import.meta.dirname, 'post-huge-bodies.mjs');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, base, String(clients), String(rounds), String(bodyBytes)],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    );
  });
}

async function timeHealth(base: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}/healthz`);
  await response.text();
  expect(response.status).toBe(200);
  return performance.now() - started;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * p) - 1)] ?? Number.POSITIVE_INFINITY;
}

const residentMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
};

describe('anonymous overload', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-overload-'));
  let server: ServerProcess;
  beforeAll(async () => {
    // Migrated first by the CLI, so that the server's memory is its steady state, not a migration's.
    expect((await runCli(['migrate'], { CONCORD_DATA_DIR: dataDir, DATABASE_URL: undefined })).code).toBe(0);
    server = await startServer({ CONCORD_DATA_DIR: dataDir, DATABASE_URL: undefined, LOG_LEVEL: 'info' });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('30 concurrent anonymous 49 MB bodies: /healthz p99 under 100 ms, memory under 600 MB, every one refused', async () => {
    // The machine's own noise, on the same server just before: a shared CI machine can be slower
    // than the bound with nobody attacking, and that is not what this test is about.
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) {
      idle.push(await timeHealth(server.url));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const idleP99 = percentile(idle, 0.99);
    const beforeMb = residentMb(server.pid);
    let peakMb = beforeMb;
    const sampler = setInterval(() => {
      peakMb = Math.max(peakMb, residentMb(server.pid));
    }, 20);

    let attacking = true;
    const attacked = attack(server.url).finally(() => {
      attacking = false;
    });
    const latencies: number[] = [];
    while (attacking) {
      latencies.push(await timeHealth(server.url));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const outcomes = await attacked;
    clearInterval(sampler);
    peakMb = Math.max(peakMb, residentMb(server.pid));

    const p99 = percentile(latencies, 0.99);
    const p50 = percentile(latencies, 0.5);
    const summary = {
      requests: outcomes.length,
      samples: latencies.length,
      idleP99,
      p50,
      p99,
      beforeMb,
      peakMb,
    };
    console.log(`anonymous overload: ${JSON.stringify(summary)}`);
    expect(outcomes).toHaveLength(clients * rounds);
    expect(latencies.length).toBeGreaterThanOrEqual(10);
    // 100 ms, or twice the idle p99 when the machine alone is slower than 50 ms.
    expect(p99).toBeLessThan(Math.max(100, 2 * idleP99));
    // 600 MB; the idle server's own footprint varies with PGlite's WASM high-water mark (400-900 MB
    // seen), so when it starts above 500 MB the bound is on what the attack adds: 100 MB.
    expect(peakMb).toBeLessThan(Math.max(600, beforeMb + 100));
    // A refusal is a 401 (read before the client finished sending) or the connection closed under it.
    for (const outcome of outcomes) {
      if ('status' in outcome) expect(outcome.status).toBe(401);
    }
    expect(outcomes.some((outcome) => 'status' in outcome)).toBe(true);
  }, 120_000);
});
