/**
 * `npm run bench -- startup`: how long `concord` takes to start (issue 14: any `--help` < 0.3 s,
 * a 1M-ballot IRV count < 1.5 s as a whole process, a server restart < 3 s to a healthy server).
 *
 * - a bare `node -e 0`, the floor every command pays;
 * - `--help` of the program and of two commands, from the build in dist/ and from the TypeScript
 *   sources through tsx (CONCORD_FROM_SOURCE=1, what every start cost before the build step);
 * - `concord tabulate` of 1M IRV ballots (bench/tabulate's seeded file), whole process;
 * - `concord serve --demo-if-empty` on a fresh PGlite data directory until /healthz answers (the
 *   demo load included), then a restart on the same directory;
 * - restarts left idle 8 s after /healthz answers: their CPU and resident memory (VmRSS) then, so
 *   that work a server does after it listens is counted.
 *
 * Each figure is wall clock (best and median of a few runs) and CPU time (user + system of the
 * process and its children, median): on this shared machine the CPU time is closer to what a quiet
 * machine's wall clock would be. The load average is printed with them. BENCH_STARTUP_SKIP
 * (comma-separated: help, tabulate, serve, settled) leaves parts out.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshBuild } from '../../bin/build-state.js';
import { freePort } from '../../test/helpers/processes.ts';
import { writeBallotCsv } from '../tabulate/generate.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'concord.js');
const skip = new Set(process.env.BENCH_STARTUP_SKIP?.split(',') ?? []);
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** CPU seconds (user + system) from /proc/<pid>/stat (Linux; NaN elsewhere): `own` of the process
 * itself and its children it waited for; `children` of its children only. */
function cpuOf(pid: number | 'self', part: 'own' | 'children'): number {
  try {
    // After the command name in parentheses: fields 14/15 utime/stime, 16/17 of waited-for children.
    const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
    const indices = part === 'own' ? [11, 12, 13, 14] : [13, 14];
    return indices.reduce((sum, index) => sum + Number(fields[index]), 0) / 100;
  } catch {
    return Number.NaN;
  }
}

interface Run {
  seconds: number;
  cpu: number;
}

/** Runs a command to its end; its CPU is what this process's reaped children gained meanwhile. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const cpuBefore = cpuOf('self', 'children');
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuOf('self', 'children') - cpuBefore;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`));
      else resolve({ seconds, cpu });
    });
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const format = (runs: Run[]) => {
  const walls = runs.map((r) => r.seconds);
  return `${Math.min(...walls).toFixed(3)} s best, ${median(walls).toFixed(3)} s median, CPU ${median(runs.map((r) => r.cpu)).toFixed(2)} s`;
};
const verdict = (runs: Run[], target: number) => {
  const best = Math.min(...runs.map((r) => r.seconds));
  const cpu = median(runs.map((r) => r.cpu));
  if (best < target) return `✓ < ${target} s`;
  return cpu < target
    ? `✗ wall ≥ ${target} s (CPU < ${target} s: the machine is busy)`
    : `✗ target ${target} s`;
};
const line = (label: string, text: string) => console.log(`  ${label.padEnd(34)}${text}`);

async function repeat(times: number, once: () => Promise<Run>): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < times; i++) runs.push(await once());
  return runs;
}

async function benchHelp(): Promise<void> {
  const baseline = await repeat(7, () => run(process.execPath, ['-e', '0']));
  line('node -e 0', format(baseline));
  for (const args of [['--help'], ['tabulate', '--help'], ['decision', 'create', '--help']]) {
    const built = await repeat(7, () => run(process.execPath, [bin, ...args]));
    line(`concord ${args.join(' ')}`, `${format(built)}  ${verdict(built, 0.3)}`);
  }
  const sources = await repeat(3, () => run(process.execPath, [bin, '--help'], { CONCORD_FROM_SOURCE: '1' }));
  line('concord --help, from the sources', format(sources));
}

async function benchTabulate(dir: string): Promise<void> {
  const file = join(dir, 'ballots-1m.csv');
  await writeBallotCsv(file, { ballots: 1_000_000, candidates: 12, maxRanks: 10, seed: 20261123 });
  const runs = await repeat(3, () => run(process.execPath, [bin, 'tabulate', file, '--json']));
  line('concord tabulate (1M IRV ballots)', `${format(runs)}  ${verdict(runs, 1.5)}`);
}

const residentMb = (pid: number | undefined): number => {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
};

/** What a started server holds once its one-off start-up work is done: CPU so far and resident memory. */
interface Settled {
  cpu: number;
  rssMb: number;
}

/**
 * `concord serve` until /healthz answers; then SIGTERM and wait for its exit. With `settleMs`, it
 * first idles that long after answering, and `settled` is its CPU and memory then.
 */
async function serveUntilHealthy(dataDir: string, settleMs = 0): Promise<Run & { settled?: Settled }> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [bin, 'serve', '--demo-if-empty'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CONCORD_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let healthy = false;
  while (!healthy) {
    if (child.exitCode !== null) throw new Error(`concord serve exited with ${child.exitCode}`);
    healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (!healthy) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = child.pid === undefined ? Number.NaN : cpuOf(child.pid, 'own');
  let settled: Settled | undefined;
  if (settleMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    settled = {
      cpu: child.pid === undefined ? Number.NaN : cpuOf(child.pid, 'own'),
      rssMb: residentMb(child.pid),
    };
  }
  child.kill('SIGTERM');
  await exited;
  return settled ? { seconds, cpu, settled } : { seconds, cpu };
}

async function benchServe(dir: string): Promise<void> {
  const first: Run[] = [];
  const restarts: Run[] = [];
  for (let i = 0; i < 2; i++) {
    const dataDir = join(dir, `data-${i}`);
    first.push(await serveUntilHealthy(dataDir));
    restarts.push(await serveUntilHealthy(dataDir));
    restarts.push(await serveUntilHealthy(dataDir));
    rmSync(dataDir, { recursive: true, force: true });
  }
  line('serve, fresh data dir + demo', `${format(first)}  ${verdict(first, 30)}`);
  line('serve, restart', `${format(restarts)}  ${verdict(restarts, 3)}`);
}

/** Restarts on a demo data dir, each left idle 8 s after /healthz: start-up work done after listening counts. */
async function benchSettled(dir: string): Promise<void> {
  const dataDir = join(dir, 'data-settled');
  await serveUntilHealthy(dataDir);
  const settled: Settled[] = [];
  for (let i = 0; i < 3; i++) {
    const { settled: one } = await serveUntilHealthy(dataDir, 8_000);
    if (one) settled.push(one);
  }
  rmSync(dataDir, { recursive: true, force: true });
  const all = (pick: (s: Settled) => number, digits: number) =>
    settled.map((s) => pick(s).toFixed(digits)).join(', ');
  line(
    'serve, restart, 8 s after healthy',
    `CPU ${all((s) => s.cpu, 2)} s; RSS ${all((s) => s.rssMb, 0)} MB`,
  );
}

if (!freshBuild(root)) {
  console.log('dist/ is missing or older than the sources: run `npm run build:cli` first');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'concord-bench-startup-'));
try {
  console.log(`Start-up (load average before: ${load()})`);
  if (!skip.has('help')) await benchHelp();
  if (!skip.has('tabulate')) await benchTabulate(dir);
  if (!skip.has('serve')) await benchServe(dir);
  if (!skip.has('settled')) await benchSettled(dir);
  console.log(`  (load average after: ${load()})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
