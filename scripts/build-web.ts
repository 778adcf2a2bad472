/**
 * The web app build: web/ by Vite into web/dist, only when one of its inputs changed. A build takes
 * about 30 s; checking costs a few milliseconds.
 *
 * web/dist/.build-stamp.json (a dot file: the server does not serve it) holds a SHA-256 of every
 * input of the last build: each module of Vite's graph outside node_modules (web/src, and what it
 * imports from src/contract and src/core), web/index.html, each file of web/public, the Vite
 * config and package-lock.json (a dependency's new version). Content hashes, not modification
 * times: a checkout that rewrites files without changing them costs no 30 s rebuild.
 */
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { replaceDirectory } from './build-output.ts';

const root = join(import.meta.dirname, '..');
export const webDist = join(root, 'web', 'dist');
const stampName = '.build-stamp.json';
/** Inputs outside Vite's module graph. */
const fixedInputs = ['web/index.html', 'web/vite.config.ts', 'package-lock.json'];

interface Stamp {
  format: 1;
  /** Path from the repository root → SHA-256 of its content. */
  files: Record<string, string>;
}

const toPosix = (path: string) => path.split(sep).join('/');
const hashOf = (path: string) =>
  createHash('sha256')
    .update(readFileSync(join(root, path)))
    .digest('hex');
const publicFiles = () =>
  readdirSync(join(root, 'web', 'public'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => toPosix(relative(root, join(entry.parentPath, entry.name))));

/** Whether the build in `dist` was made from today's inputs. */
export function webBuildIsFresh(dist = webDist): boolean {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dist, stampName), 'utf8')) as Stamp;
  } catch {
    return false;
  }
  if (stamp.format !== 1) return false;
  const stamped = Object.keys(stamp.files);
  // A file added to web/public is an input no module names.
  if (publicFiles().some((path) => !stamped.includes(path))) return false;
  try {
    return stamped.every((path) => hashOf(path) === stamp.files[path]);
  } catch {
    return false; // an input was removed
  }
}

/** Collects the files of Vite's module graph that are ours (not node_modules, not virtual). */
function recordInputs(into: Set<string>): Plugin {
  return {
    name: 'concord-record-inputs',
    apply: 'build',
    buildEnd() {
      for (const id of this.getModuleIds()) {
        const path = id.split('?')[0] ?? '';
        if (!isAbsolute(path) || path.includes(`${sep}node_modules${sep}`)) continue;
        const fromRoot = relative(root, path);
        if (!fromRoot.startsWith('..')) into.add(toPosix(fromRoot));
      }
    },
  };
}

export async function buildWeb({ force = false } = {}): Promise<void> {
  if (!force && webBuildIsFresh()) {
    console.log('build: web/dist (the web app) is up to date');
    return;
  }
  console.log('build: building the web app (web/dist) with Vite, about 30 s…');
  const started = performance.now();
  // What ships: React's production build, whatever NODE_ENV the shell has.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const inputs = new Set<string>(fixedInputs);
  const outDir = join(root, 'web', `.dist-build-${process.pid}`);
  try {
    await build({
      configFile: join(root, 'web', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
      plugins: [recordInputs(inputs)],
    });
    for (const path of publicFiles()) inputs.add(path);
    const files = Object.fromEntries([...inputs].sort().map((path) => [path, hashOf(path)]));
    writeFileSync(
      join(outDir, stampName),
      `${JSON.stringify({ format: 1, files } satisfies Stamp, null, 1)}\n`,
    );
    replaceDirectory(outDir, webDist);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`build: web/dist built from ${inputs.size} files in ${seconds} s`);
}

/**
 * A private copy of the web app build in `outDir` (the browser tests' own: test/e2e/global-setup.ts):
 * copied from web/dist when that is fresh, else built there. Returns whether it was copied.
 */
export async function webBuildInto(outDir: string): Promise<boolean> {
  if (webBuildIsFresh()) {
    try {
      cpSync(webDist, outDir, { recursive: true });
      // Still the build of today's inputs: not swapped for another one during the copy.
      if (webBuildIsFresh(outDir)) return true;
    } catch {
      // web/dist was being replaced: build instead
    }
    rmSync(outDir, { recursive: true, force: true });
  }
  const { build } = await import('vite');
  await build({
    configFile: join(root, 'web', 'vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return false;
}
