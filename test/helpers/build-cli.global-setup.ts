import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Builds dist/ before the tests when the sources changed since its last build (about 2 s; nothing
 * when it is up to date), so the tests that start `concord` processes (processes.ts,
 * server-process.ts) run the built CLI, which starts in a fraction of the time tsx takes. They could
 * not run stale code anyway: bin/concord.js falls back to the sources when dist/ is not fresh.
 */
export default function setup(): void {
  const root = join(import.meta.dirname, '..', '..');
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.ts'), '--cli'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`the CLI build failed:\n${build.stdout}${build.stderr}`);
}
