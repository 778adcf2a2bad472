/**
 * `npm run bench [-- name...]`: runs every bench/<name>/main.ts in its own process, one after
 * another, so that one benchmark's garbage and JIT state never colour the next one's figures.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchDir = import.meta.dirname;
const wanted = process.argv.slice(2);
const names = readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(benchDir, entry.name, 'main.ts')))
  .map((entry) => entry.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

let failed = 0;
for (const name of names) {
  console.log(`\n=== bench/${name}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, name, 'main.ts')], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
if (names.length === 0) console.log('no benchmark matched', wanted.join(' '));
process.exit(failed === 0 ? 0 : 1);
