import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { freshBuild, type HelpNode, helpFor, manifestPath } from '../../bin/build-state.js';
import { parsePactFile } from '../../src/features/pacts/allocate.schema.ts';
import {
  type EngineMessage,
  type EngineRequest,
  runEngine,
} from '../../src/features/pacts/runs/run-engine.ts';
import { repoRoot } from '../helpers/processes.ts';

// The build in dist/ (scripts/build-cli.ts; the suite's global setup makes it fresh) and how
// bin/concord.js decides to run it (bin/build-state.js).

const scratch = mkdtempSync(join(tmpdir(), 'concord-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('freshBuild', () => {
  const root = join(scratch, 'repo');
  mkdirSync(join(root, 'dist'), { recursive: true });
  const source = join(root, 'a.ts');
  const stamp = (mtime: Date) => {
    writeFileSync(source, 'export const a = 1;\n');
    utimesSync(source, mtime, mtime);
    writeFileSync(
      manifestPath(root),
      JSON.stringify({ format: 1, inputs: [['a.ts', mtime.getTime(), 20]], owners: {}, help: {} }),
    );
  };

  it('accepts a build whose sources are as it read them', () => {
    stamp(new Date('2026-12-01T10:00:00Z'));
    expect(freshBuild(root)?.inputs).toEqual([['a.ts', Date.parse('2026-12-01T10:00:00Z'), 20]]);
  });

  it('refuses it once a source was touched, rewritten or removed, or without a manifest', () => {
    stamp(new Date('2026-12-01T10:00:00Z'));
    const later = new Date('2026-12-01T10:00:01Z');
    utimesSync(source, later, later);
    expect(freshBuild(root)).toBeUndefined();

    stamp(new Date('2026-12-01T10:00:00Z'));
    writeFileSync(source, 'export const a = 22;\n');
    utimesSync(source, new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T10:00:00Z'));
    expect(freshBuild(root)).toBeUndefined();

    stamp(new Date('2026-12-01T10:00:00Z'));
    rmSync(source);
    expect(freshBuild(root)).toBeUndefined();

    rmSync(manifestPath(root));
    expect(freshBuild(root)).toBeUndefined();
  });
});

describe('helpFor', () => {
  const node = (name: string, commands: HelpNode[] = [], aliases: string[] = []): HelpNode => ({
    names: [name, ...aliases],
    help: `help of ${name}\n`,
    commands,
  });
  const tree = node('concord', [node('decision', [node('create'), node('list', [], ['ls'])]), node('serve')]);

  it('answers --help, -h and `help <command>` from the tree', () => {
    expect(helpFor(tree, ['--help'])).toBe('help of concord\n');
    expect(helpFor(tree, ['help'])).toBe('help of concord\n');
    expect(helpFor(tree, ['help', 'serve'])).toBe('help of serve\n');
    expect(helpFor(tree, ['decision', 'create', '--help'])).toBe('help of create\n');
    expect(helpFor(tree, ['decision', 'ls', '-h'])).toBe('help of list\n');
  });

  it('leaves everything else to the command (commander decides)', () => {
    expect(helpFor(tree, [])).toBeUndefined();
    expect(helpFor(tree, ['serve'])).toBeUndefined();
    expect(helpFor(tree, ['decision', 'create', '--title', 'x', '--help'])).toBeUndefined();
    expect(helpFor(tree, ['decision', 'nope', '--help'])).toBeUndefined();
    expect(helpFor(tree, ['help', 'decision', 'create'])).toBeUndefined();
    expect(helpFor(tree, ['serve', '--', '--help'])).toBeUndefined();
  });
});

function concord(args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [join(repoRoot, 'bin', 'concord.js'), ...args],
      { cwd: repoRoot, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    ),
  );
}

describe('the built CLI', () => {
  it('is fresh after the global setup', () => {
    expect(freshBuild(repoRoot)).toBeDefined();
  });

  it('prints the same help as the sources, without loading a command', async () => {
    for (const args of [['--help'], ['decision', 'create', '--help']]) {
      const [built, sources] = await Promise.all([
        concord(args),
        concord(args, { CONCORD_FROM_SOURCE: '1' }),
      ]);
      expect(built).toContain('Usage: concord');
      expect(built).toBe(sources);
    }
  }, 120_000);

  it("runs the engine worker from dist/ with the sources' result", async () => {
    const input = parsePactFile({
      members: [
        { id: 'greens', weight: 120000, position: -0.6 },
        { id: 'labour', weight: 400000, position: -0.3 },
      ],
      races: [
        { id: 'r1', seats: 1, votes: { greens: 5100, labour: 20300, 'other:con': 22000 } },
        { id: 'r2', seats: 1, votes: { greens: 15100, labour: 3000, 'other:con': 16000 } },
        { id: 'r3', seats: 1, votes: { greens: 9100, labour: 10300, 'other:con': 21000 } },
      ],
    });
    const worker = new Worker(join(repoRoot, 'dist', 'run.worker.js'));
    try {
      const report = await new Promise((resolve, reject) => {
        worker.on('message', (message: EngineMessage) => {
          if (message.type === 'done') resolve(message.report);
          if (message.type === 'failed') reject(new Error(message.failure.message));
        });
        worker.on('error', reject);
        worker.postMessage({ jobId: 1, input, mode: 'exact' } satisfies EngineRequest);
      });
      expect(report).toEqual(await runEngine(input, 'exact', () => {}));
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
