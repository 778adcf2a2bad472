#!/usr/bin/env node
/**
 * `concord`. Runs the JavaScript build in dist/ (scripts/build.ts: `npm install`, `npm start` and the
 * tests build it) when it was built from the current sources, so a command starts without compiling
 * anything: `--help` is printed from the build's manifest, and a command loads only the module that
 * registers it. Without a fresh build (sources edited since, or CONCORD_FROM_SOURCE=1) it runs the
 * TypeScript sources through tsx, as `npm run dev` does. docs/decisions/0016-cli-build.md.
 */
import { fileURLToPath } from 'node:url';
import { freshBuild, helpFor } from './build-state.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const build = process.env.CONCORD_FROM_SOURCE === '1' ? undefined : freshBuild(root);

if (build) {
  // Stack traces name the TypeScript sources, not the chunks of dist/.
  process.setSourceMapsEnabled(true);
  const help = helpFor(build.help, args);
  if (help !== undefined) {
    process.stdout.write(help);
  } else {
    const { runCli } = await import('../dist/cli.js');
    const owner = Object.hasOwn(build.owners, args[0] ?? '') ? build.owners[args[0]] : undefined;
    await runCli(process.argv, owner === undefined ? [] : [owner]);
  }
} else {
  const { register } = await import('tsx/esm/api');
  register();
  // From the sources, the counts still skip the server and database code they never use.
  const light = { tabulate: ['tabulation'], rctab: ['rctab'] };
  const { runCli } = await import('../src/cli/main.ts');
  await runCli(process.argv, Object.hasOwn(light, args[0] ?? '') ? light[args[0]] : []);
}
