/**
 * bench/limits: the largest input of each import and upload, run as a user runs it (a real
 * `concord` process, or a real server receiving the upload), with the wall time and the peak RSS
 * of that process (VmHWM from /proc). docs/performance.md ("Limits") keeps the figures.
 *
 * - `concord data load` (every shipped dataset), into a fresh PGlite data directory;
 * - `concord map import races` of BENCH_LIMIT_PLACES places (100,000; 200,000 result lines);
 * - `concord map import districts` of BENCH_LIMIT_DISTRICTS wards (25,000, GeoJSON);
 * - the same races file uploaded to `POST /api/map/imports/races` of a running server;
 * - `concord tabulate` of 1,000,000 ranked ballots (IRV).
 * PGlite only: a PostgreSQL server keeps the rows in its own processes, not Concord's.
 * BENCH_LIMIT_STEPS (load,races,districts,tabulate,upload) picks the steps.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createTestCoalition, createTestUser } from '../../test/helpers/factories.ts';
import { districtGeoJsonChunks, raceCsvLines } from '../../test/helpers/import-files.ts';
import { type ConcordProcess, freePort, startConcord } from '../../test/helpers/processes.ts';
import { writeBallotCsv } from '../tabulate/generate.ts';

const places = Number(process.env.BENCH_LIMIT_PLACES ?? 100_000);
const districts = Number(process.env.BENCH_LIMIT_DISTRICTS ?? 25_000);
const steps = new Set((process.env.BENCH_LIMIT_STEPS ?? 'load,races,districts,tabulate,upload').split(','));
const work = mkdtempSync(join(tmpdir(), 'concord-limits-'));
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

async function writeChunks(file: string, chunks: Iterable<string>): Promise<string> {
  const out = createWriteStream(file);
  for (const chunk of chunks) if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return file;
}

/** Peak resident memory of a running process so far (Linux). */
function peakRss(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Follows a process's peak RSS until `done` settles. */
async function watching<T>(process: ConcordProcess, done: Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, peakRss(process.child.pid));
  }, 100);
  try {
    const result = await done;
    peak = Math.max(peak, peakRss(process.child.pid));
    return { result, peak };
  } finally {
    clearInterval(timer);
  }
}

async function command(label: string, args: string[], env: Record<string, string>) {
  const start = performance.now();
  const child = startConcord(args, env);
  // Read VmHWM just before the process exits: sample until then.
  const { result, peak } = await watching(child, child.exited);
  const seconds = (performance.now() - start) / 1000;
  const ok = result.code === 0 ? '' : `  FAILED (${result.code}): ${child.output().slice(-400)}`;
  console.log(`  ${label.padEnd(58)} ${seconds.toFixed(1).padStart(6)} s  peak RSS ${mb(peak)}${ok}`);
}

async function main() {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (2 cores shared)`,
  );
  const dataDir = join(work, 'data');
  const env = { CONCORD_DATA_DIR: dataDir };
  const seed = await connect({ kind: 'pglite', dataDir });
  await migrateToLatest(seed.db);
  const coalition = await createTestCoalition(seed.db);
  const staff = await createTestUser(seed.db, coalition.slug, 'admin');
  await seed.close();

  const races = await writeChunks(join(work, 'races.csv'), raceCsvLines(places));
  const wards = await writeChunks(join(work, 'wards.geojson'), districtGeoJsonChunks(districts));
  const ballots = join(work, 'ballots.csv');
  await writeBallotCsv(ballots, { ballots: 1_000_000, candidates: 12, maxRanks: 10, seed: 20261123 });

  if (steps.has('load')) await command('concord data load (every shipped dataset)', ['data', 'load'], env);
  if (steps.has('races'))
    await command(
      `concord map import races: ${places} places, ${mb(statSync(races).size)} CSV`,
      ['map', 'import', 'races', races, '--coalition', coalition.slug],
      env,
    );
  if (steps.has('districts'))
    await command(
      `concord map import districts: ${districts} wards, ${mb(statSync(wards).size)} GeoJSON`,
      ['map', 'import', 'districts', wards, '--coalition', coalition.slug, '--kind', 'ward'],
      env,
    );
  if (steps.has('tabulate'))
    await command(
      `concord tabulate: 1,000,000 IRV ballots, ${mb(statSync(ballots).size)} CSV`,
      ['tabulate', ballots],
      {},
    );

  if (steps.has('upload')) await upload(env, staff);
  rmSync(work, { recursive: true, force: true });
}

/**
 * A races file as an upload to a running server (after the CLI import: every line replaced),
 * through node:http (fetch gives up waiting for response headers after five minutes).
 */
async function upload(env: Record<string, string>, staff: { email: string; password: string }) {
  const second = await writeChunks(join(work, 'races-2.csv'), raceCsvLines(places, 1));
  const port = await freePort();
  const server = startConcord(['serve'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  try {
    await server.waitFor(/Concord is running/, 180_000);
    await uploadTo(server, port, staff, second);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

async function uploadTo(
  server: ConcordProcess,
  port: number,
  staff: { email: string; password: string },
  file: string,
) {
  const base = `http://127.0.0.1:${port}`;
  const session = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: staff.email, password: staff.password }),
  });
  const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const idle = peakRss(server.child.pid);
  const start = performance.now();
  const { result: status, peak } = await watching(
    server,
    new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        `${base}/api/map/imports/races`,
        { method: 'POST', headers: { 'content-type': 'text/csv', cookie, 'x-csrf-token': csrfToken } },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('error', reject);
      createReadStream(file).pipe(request);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `  ${`POST /api/map/imports/races: ${places} places, ${mb(statSync(file).size)} streamed`.padEnd(58)} ${seconds.toFixed(1).padStart(6)} s  peak RSS ${mb(peak)} (server; ${mb(idle)} before)  HTTP ${status}`,
  );
}

await main();
