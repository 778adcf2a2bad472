import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** Real `concord` processes for the tests that start, stop and kill them. */
export const repoRoot = join(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface ConcordProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(pattern: RegExp, timeoutMs: number): Promise<void>;
}

/** Starts `concord <args>` with the given environment (DATABASE_URL unset unless given). */
export function startConcord(args: string[], env: Record<string, string | undefined>): ConcordProcess {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/concord.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: undefined, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let seen = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    seen += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => seen,
    exited,
    waitFor: (pattern, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(seen)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${seen}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (!pattern.test(seen)) {
            clearTimeout(timer);
            listeners.delete(check);
            reject(new Error(`the process exited before ${pattern}:\n${seen}`));
          }
        });
        check();
      }),
  };
}

/** kill -9, and wait until the process is gone. */
export async function killHard(process: ConcordProcess): Promise<void> {
  process.child.kill('SIGKILL');
  await process.exited;
}

export interface ServedConcord {
  server: ConcordProcess;
  base: string;
}

/**
 * `concord serve` on a free loopback port, with info logs (tests read which server took a job)
 * and cookies over plain HTTP; resolves once it listens. `env` names the database and may
 * override any of these.
 */
export async function serveConcord(env: Record<string, string | undefined>): Promise<ServedConcord> {
  const port = await freePort();
  const server = startConcord(['serve'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'info',
    ...env,
  });
  await server.waitFor(/Concord is running/, 120_000);
  return { server, base: `http://127.0.0.1:${port}` };
}
