/**
 * bench/load (`npm run bench:load`): a real `concord serve` with the demo loaded, on a fresh PGlite
 * data directory, or on a fresh PostgreSQL database when DATABASE_URL is set (a database named
 * `concord_load_<time>` is made on that server and dropped after). autocannon drives each route
 * of the election-night mix in turn with BENCH_LOAD_CONNECTIONS (50) connections for
 * BENCH_LOAD_SECONDS (10) each, and prints req/s, p50/p99 latency and errors per route, with the
 * load average before and after (the machine is shared: a figure means little without it).
 *
 * BENCH_LOAD_ROUTES (comma-separated name prefixes) picks routes; BENCH_LOAD_URL drives a running server;
 * BENCH_LOAD_PORT fixes the server's port (a free one otherwise). Each route's req/s is also printed
 * as a ratio to /healthz measured in the same run: on a shared machine the ratio moves less than
 * the figure.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { demoLogin } from '../../src/demo/step.ts';
import { isRankedMethod } from '../../src/features/decisions/decisions.schema.ts';
import { demoEmail, demoSecretariatEmail } from '../../src/features/registry/index.ts';
import { freePort, startConcord } from '../../test/helpers/processes.ts';

const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 50);
const only = process.env.BENCH_LOAD_ROUTES?.split(',');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface Route {
  name: string;
  method?: 'GET' | 'PUT';
  /** Asked once each before the route is driven (a "warm" route measures answers already built). */
  warm?: string[];
  /** A fixed path, or one per request (random county, rotating delegate). */
  request: () => { path: string; headers?: Record<string, string>; body?: string };
  /**
   * Large bodies: also drive a bare node:http server sending the same bytes, the ceiling of this
   * client on this machine (autocannon parses every byte it reads: a 0.3 MB brotli body caps it).
   */
  ceiling?: boolean;
  /** Driven at the same time with a few connections, printed below (lookups while ballots are cast). */
  alongside?: { route: Route; connections: number };
}

async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `concord_load_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoLogin.password }),
  });
  if (!response.ok) throw new Error(`sign-in ${email}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  return cookie.join('; ');
}

async function getJson<T>(base: string, path: string, cookie: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T;
}

async function routesOf(base: string): Promise<Route[]> {
  const staff = await signIn(base, demoSecretariatEmail);
  const session = await getJson<{ coalition: { slug: string } }>(base, '/api/session', staff);
  const slug = session.coalition.slug;
  // Every organization, following the directory's pages (it pages like the other lists).
  const organizations: { id: string; name: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: { organizations: { id: string; name: string }[]; nextCursor: string | null } = await getJson(
      base,
      `/api/organizations?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
      staff,
    );
    organizations.push(...page.organizations);
    cursor = page.nextCursor;
  } while (cursor);
  const { decisions } = await getJson<{ decisions: { id: string; phase: string; method: string }[] }>(
    base,
    '/api/decisions',
    staff,
  );
  // A yes/no/abstain decision (the demo also has ranked ones, which take a ranking).
  const open = decisions.find((d) => d.phase === 'open' && !isRankedMethod(d.method));
  const { pacts } = await getJson<{ pacts: { id: string }[] }>(base, '/api/pacts', staff);
  if (!open) throw new Error('the demo has no open decision');
  // Counties: the public lookup for random places (most have a statewide race of a pact, some none).
  const counties: string[] = [];
  for (let offset = 0; offset < 600; offset += 100) {
    const page = await getJson<{ items: { code: string }[] }>(
      base,
      `/api/map/jurisdictions?kind=county&limit=100&offset=${offset}`,
      staff,
    );
    counties.push(...page.items.map((j) => j.code));
  }
  // Every delegate whose organization may vote, each casting (changing) its own ballot.
  const refusals: string[] = [];
  const delegates: { headers: Record<string, string>; organizationId: string }[] = [];
  for (const org of organizations) {
    try {
      const cookie = await signIn(base, demoEmail(org.name));
      const me = await getJson<{ organizationId: string | null; csrfToken: string }>(
        base,
        '/api/session',
        cookie,
      );
      const headers = { cookie, 'x-csrf-token': me.csrfToken, 'content-type': 'application/json' };
      const probe = await fetch(`${base}/api/decisions/${open.id}/ballots/${org.id}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ choice: 'yes' }),
      });
      if (me.organizationId && probe.ok) delegates.push({ headers, organizationId: org.id });
      else refusals.push(`${org.name}: ${probe.status} ${await probe.text()}`);
    } catch {
      // Not every demo organization has a delegate login (applicants, suspended members).
    }
  }
  if (delegates.length === 0) {
    throw new Error(`no delegate of the demo can vote on the open decision:\n${refusals.join('\n')}`);
  }
  const choices = ['yes', 'no', 'abstain'];
  const ballots: Route = {
    name: `ballot casts (${delegates.length} delegates)`,
    method: 'PUT',
    request: () => {
      const delegate = pick(delegates);
      return {
        path: `/api/decisions/${open.id}/ballots/${delegate.organizationId}`,
        headers: delegate.headers,
        body: JSON.stringify({ choice: pick(choices) }),
      };
    },
  };
  const randomCounty = () => ({
    path: `/api/public/coalitions/${slug}/candidates?jurisdiction=county:${pick(counties)}`,
  });
  return [
    { name: 'healthz (framework floor)', request: () => ({ path: '/healthz' }) },
    { name: 'public candidate lookup (random county)', request: randomCounty },
    {
      // Election night: places asked while delegates vote (each cast is a write of the coalition).
      name: 'public candidate lookup (random county, casts alongside)',
      request: randomCounty,
      alongside: { route: ballots, connections: 5 },
    },
    {
      // Election night: the same places asked again and again, answered from the per-version cache.
      name: 'public candidate lookup (20 counties, warm)',
      warm: counties
        .slice(0, 20)
        .map((county) => `/api/public/coalitions/${slug}/candidates?jurisdiction=county:${county}`),
      request: () => ({
        path: `/api/public/coalitions/${slug}/candidates?jurisdiction=county:${pick(counties.slice(0, 20))}`,
      }),
    },
    { name: 'public coalition page', request: () => ({ path: `/api/public/coalitions/${slug}` }) },
    {
      // The directory's first page, as the members page reads it.
      name: 'members list (signed in)',
      request: () => ({ path: '/api/organizations?limit=50', headers: { cookie: staff } }),
    },
    {
      name: 'decision page (signed in)',
      request: () => ({ path: `/api/decisions/${open.id}`, headers: { cookie: staff } }),
    },
    {
      name: 'pact summaries (signed in)',
      request: () => ({ path: '/api/pacts', headers: { cookie: staff } }),
    },
    ...pacts.slice(0, 1).map((pact) => ({
      name: 'pact page (signed in)',
      request: () => ({ path: `/api/pacts/${pact.id}`, headers: { cookie: staff } }),
    })),
    ballots,
    // Last: ~1 MB answers that time out leave the server busy for a while after the run.
    {
      name: 'map TopoJSON (counties)',
      request: () => ({ path: '/api/map/us/counties.topojson' }),
      ceiling: true,
    },
    {
      // As a browser asks: the stored brotli variant.
      name: 'map TopoJSON (counties, brotli)',
      request: () => ({
        path: '/api/map/us/counties.topojson',
        headers: { 'accept-encoding': 'gzip, deflate, br' },
      }),
      ceiling: true,
    },
  ];
}

/** /healthz req/s of this run: the other routes are printed as a ratio to it. */
let floor: number | undefined;

/** The server process when the harness started it: its CPU per request is printed too. */
let serverPid: number | undefined;

/**
 * CPU seconds (user + system) the process has used, from /proc (Linux): on a shared machine the
 * server's CPU per request moves far less than its req/s. PostgreSQL's own CPU is not in it.
 */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function run(base: string, route: Route, withConnections: number) {
  return autocannon({
    url: base,
    connections: withConnections,
    duration: seconds,
    requests: [
      {
        method: route.method ?? 'GET',
        setupRequest: (request) => {
          const next = route.request();
          return {
            ...request,
            path: next.path,
            headers: { ...request.headers, ...next.headers },
            ...(next.body === undefined ? {} : { body: next.body }),
          };
        },
      },
    ],
  });
}

async function drive(base: string, route: Route, pid = serverPid) {
  for (const path of route.warm ?? []) await (await fetch(`${base}${path}`)).arrayBuffer();
  const cpuBefore = cpuSeconds(pid);
  const side = route.alongside && run(base, route.alongside.route, route.alongside.connections);
  const result = await run(base, route, connections);
  const sideResult = await side;
  if (sideResult && route.alongside) {
    console.log(
      `    alongside: ${route.alongside.route.name} ${sideResult.requests.average.toFixed(0)} req/s, ${route.alongside.connections} connections, errors ${sideResult.non2xx + sideResult.errors + sideResult.timeouts}`,
    );
  }
  const bad = result.non2xx + result.errors + result.timeouts;
  const codes = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, stat]) => `${code}×${(stat as { count: number }).count}`)
    .join(' ');
  floor ??= result.requests.average;
  const ratio = (result.requests.average / floor).toFixed(3);
  const cpuAfter = cpuSeconds(pid);
  const cpu =
    cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0
      ? ''
      : `  server CPU ${(((cpuAfter - cpuBefore) * 1000) / result.requests.total).toFixed(3)} ms/req`;
  console.log(
    `  ${route.name.padEnd(42)} ${result.requests.average.toFixed(0).padStart(7)} req/s  ×${ratio} healthz  p50 ${String(
      result.latency.p50,
    ).padStart(
      5,
    )} ms  p99 ${String(result.latency.p99).padStart(5)} ms  errors ${bad}${codes ? ` (${codes})` : ''}${result.timeouts ? ` (${result.timeouts} timeouts)` : ''}${cpu}  (load ${load()})`,
  );
}

/** BENCH_LOAD_URL: drive a server already running (e.g. behind a proxy, or a second machine). */
async function driveRoutes(base: string) {
  const routes = await routesOf(base);
  for (const route of routes) {
    // /healthz always runs first: the ratios need it.
    if (only && !route.name.startsWith('healthz') && !only.some((name) => route.name.startsWith(name))) {
      continue;
    }
    await drive(base, route);
    if (route.ceiling) await driveCeiling(base, route);
  }
}

/** The body as sent (still compressed: fetch would decode it) and its type and encoding. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ body: Buffer; type: string; encoding: string }>((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          body: Buffer.concat(chunks),
          type: String(response.headers['content-type'] ?? ''),
          encoding: String(response.headers['content-encoding'] ?? ''),
        }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** The same bytes from a bare node:http server in its own process, driven the same way. */
async function driveCeiling(base: string, route: Route) {
  const { path, headers = {} } = route.request();
  const sent = await rawGet(`${base}${path}`, headers);
  const dir = mkdtempSync(join(tmpdir(), 'concord-ceiling-'));
  const file = join(dir, 'body');
  writeFileSync(file, sent.body);
  const port = await freePort();
  const script = `
    const body = require('node:fs').readFileSync(process.argv[1]);
    const head = { 'content-type': process.argv[3], 'content-length': body.length };
    if (process.argv[4]) head['content-encoding'] = process.argv[4];
    require('node:http').createServer((q, s) => { s.writeHead(200, head); s.end(body); })
      .listen(Number(process.argv[2]), '127.0.0.1');`;
  const child = spawn(process.execPath, ['-e', script, file, String(port), sent.type, sent.encoding], {
    stdio: 'ignore',
  });
  try {
    await waitHealthy(`http://127.0.0.1:${port}`, 10_000);
    await drive(
      `http://127.0.0.1:${port}`,
      {
        name: `  └ same ${(sent.body.length / 1e6).toFixed(2)} MB, bare node:http`,
        request: () => ({ path: '/' }),
      },
      child.pid,
    );
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (process.env.BENCH_LOAD_URL) {
    console.log(`bench:load against ${process.env.BENCH_LOAD_URL}; load average ${load()} (2 cores shared)`);
    return driveRoutes(process.env.BENCH_LOAD_URL);
  }
  const url = process.env.DATABASE_URL;
  const database = url ? await freshPostgres(url) : null;
  const dataDir = mkdtempSync(join(tmpdir(), 'concord-load-'));
  const port = process.env.BENCH_LOAD_PORT ? Number(process.env.BENCH_LOAD_PORT) : await freePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(
    `bench:load on ${database ? 'PostgreSQL' : 'PGlite'}, ${connections} connections, ${seconds} s per route; load average ${load()} (2 cores shared)`,
  );
  const server = startConcord(['serve', '--demo-if-empty'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    CONCORD_DATA_DIR: dataDir,
    DATABASE_URL: database?.url,
    LOG_LEVEL: 'warn',
    // The harness signs every demo delegate in from one address.
    LOGIN_RATE_LIMIT: '1000',
  });
  serverPid = server.child.pid;
  try {
    const started = performance.now();
    await waitHealthy(base, 300_000);
    console.log(`  server healthy with the demo in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await driveRoutes(base);
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  }
}

async function waitHealthy(base: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/api/session`, { method: 'GET' });
      // Any answer from the API means the demo is in (the server listens after loading it).
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not answer in time');
}

await main();
