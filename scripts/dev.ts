/**
 * `npm run dev`: the API server (restarts on change) and the Vite dev server (hot reload, proxies
 * /api to the server) side by side. Ctrl-C stops both.
 */
import { type ChildProcess, spawn } from 'node:child_process';

const children: ChildProcess[] = [];

function start(name: string, command: string, args: string[]): void {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  child.on('exit', (code) => {
    process.stderr.write(`[${name}] exited with ${code}\n`);
    stopAll();
  });
  children.push(child);
}

function stopAll(): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}

process.once('SIGINT', stopAll);
process.once('SIGTERM', stopAll);

start('api', 'npx', ['tsx', 'watch', 'src/cli.ts', 'serve', '--demo-if-empty']);
start('web', 'npx', ['vite', '--config', 'web/vite.config.ts']);
process.stdout.write('Open the web app with hot reload at http://localhost:5173 (API on :8080)\n');
