/**
 * `npm run build`: builds what Concord runs, each part only when its inputs changed since its last
 * build (docs/decisions/0016-cli-build.md). `npm install` (prepare) and `npm start` (prestart) run it;
 * the test suite's global setup runs the CLI part.
 *
 *   node scripts/build.ts [--cli] [--web] [--force]
 *
 * - the CLI and server: src/ bundled by esbuild into dist/ (scripts/build-cli.ts), about 2 s;
 * - the web app: web/ built by Vite into web/dist (scripts/build-web.ts), about 30 s.
 * Neither flag: both. --force: build even when up to date.
 *
 * Run by plain `node` (Node 24 strips the types), not tsx: a build that is up to date costs the
 * check only.
 */
import { buildCli } from './build-cli.ts';
import { buildWeb } from './build-web.ts';

const flags = new Set(process.argv.slice(2));
const unknown = [...flags].filter((flag) => !['--cli', '--web', '--force'].includes(flag));
if (unknown.length > 0) {
  console.error(`build: unknown option ${unknown.join(' ')} (use --cli, --web, --force)`);
  process.exit(2);
}
const both = !flags.has('--cli') && !flags.has('--web');
const force = flags.has('--force');

if (both || flags.has('--cli')) await buildCli({ force });
if (both || flags.has('--web')) await buildWeb({ force });
