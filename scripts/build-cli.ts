/**
 * The CLI and server build: src/ bundled by esbuild into dist/, which bin/concord.js runs when it is
 * fresh (bin/build-state.js). Packages stay external: they load from node_modules as they do from the
 * sources (PGlite and HiGHS find their WebAssembly and data files beside their own package files).
 *
 * dist/ holds one file per entry point below, the chunks they share (code splitting: each command
 * module of src/cli/main.ts is loaded only by the command that needs it), source maps, and
 * manifest.json: the sources the bundle was built from (path, modification time, size), which module
 * registers each top-level command, and the help text of every command.
 */
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { build, type Plugin } from 'esbuild';
import { freshBuild, type HelpNode, type Manifest, manifestPath } from '../bin/build-state.js';
import { replaceDirectory } from './build-output.ts';

const root = join(import.meta.dirname, '..');

/**
 * Every entry point: the CLI, and each file a worker thread or child process runs (started through
 * src/worker-entry.ts, which finds the built one as dist/<out>.js). A new worker entry goes here.
 */
export const entryPoints = [
  { in: 'src/cli/main.ts', out: 'cli' },
  { in: 'src/features/pacts/runs/run.worker.ts', out: 'run.worker' },
];

/** How the bundle is made: a change to these files makes the next build a new one too. */
const recipe = ['scripts/build-cli.ts', 'bin/build-state.js', 'package.json'];

type Stamp = [path: string, mtimeMs: number, size: number];
const toPosix = (path: string) => path.split(sep).join('/');

function stampOf(path: string): Stamp {
  const stat = statSync(join(root, path));
  return [path, stat.mtimeMs, stat.size];
}

/**
 * Every file a bundled module was in the sources gets the `import.meta` of its source file, not of the
 * chunk in dist/ it ends up in: the code finds its neighbours (samples, data/, web/dist, the worker
 * boot file) relative to itself. Every output file sits directly in dist/, so `../<source path>`
 * from a chunk's own URL is the source file.
 */
const importMetaFromSource: Plugin = {
  name: 'import-meta-from-source',
  setup(esbuild) {
    esbuild.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const source = toPosix(relative(root, args.path));
      const url = `new URL(${JSON.stringify(`../${source}`)}, import.meta.url)`;
      const contents = text.replace(/\bimport\.meta\b(\.\w+)?/g, (whole, property: string | undefined) => {
        if (property === '.url') return `${url}.href`;
        if (property === '.filename') return `__sourcePath(${url})`;
        if (property === '.dirname') return `__sourceDirname(__sourcePath(${url}))`;
        throw new Error(
          `${source}: \`${whole}\` has no source-relative form in the build (scripts/build-cli.ts)`,
        );
      });
      // On the first line, so that the source map's line numbers stay those of the source.
      const imports =
        "import { fileURLToPath as __sourcePath } from 'node:url'; import { dirname as __sourceDirname } from 'node:path'; ";
      return { contents: imports + contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

function helpTree(command: Command): HelpNode {
  let help = '';
  // 80 columns, no colours: what commander prints when stdout is not a terminal.
  command.configureOutput({
    writeOut: (text) => {
      help += text;
    },
    getOutHelpWidth: () => 80,
    getOutHasColors: () => false,
  });
  command.outputHelp();
  return { names: [command.name(), ...command.aliases()], help, commands: command.commands.map(helpTree) };
}

/** Which module registers each top-level command, and the help of every command, from the build itself. */
async function describeCommands(outdir: string): Promise<Pick<Manifest, 'owners' | 'help'>> {
  type Main = typeof import('../src/cli/main.ts');
  const main = (await import(pathToFileURL(join(outdir, 'cli.js')).href)) as Main;
  const owners: Record<string, string> = {};
  for (const module of main.commandModules) {
    const program = await main.loadProgram([module.name]);
    for (const command of program.commands) {
      for (const name of [command.name(), ...command.aliases()]) {
        const other = owners[name];
        if (other !== undefined)
          throw new Error(`"${name}" is registered by both ${other} and ${module.name}`);
        owners[name] = module.name;
      }
    }
  }
  return { owners, help: helpTree(await main.loadProgram()) };
}

export async function buildCli({ force = false } = {}): Promise<void> {
  if (!force && freshBuild(root)) {
    console.log('build: dist/ (the CLI and server) is up to date');
    return;
  }
  const started = performance.now();
  // The sources' stamps are taken before esbuild reads them: a file edited during the build then
  // no longer matches its stamp, and the build counts as stale.
  const before = new Map(
    readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).map((path) => {
      const relativePath = toPosix(join('src', path));
      return [relativePath, stampOf(relativePath)] as const;
    }),
  );
  const outdir = join(root, `.dist-build-${process.pid}`);
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints,
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node24',
      packages: 'external',
      sourcemap: 'linked',
      keepNames: true,
      metafile: true,
      define: { 'process.env.CONCORD_BUNDLE': '"1"' },
      plugins: [importMetaFromSource],
      logLevel: 'warning',
    });
    const inputs = Object.keys(result.metafile.inputs).map((path) => before.get(path) ?? stampOf(path));
    const manifest: Manifest = {
      format: 1,
      inputs: [...inputs, ...recipe.map(stampOf)],
      ...(await describeCommands(outdir)),
    };
    writeFileSync(join(outdir, 'manifest.json'), `${JSON.stringify(manifest)}\n`);
    replaceDirectory(outdir, join(root, 'dist'));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`build: dist/ (the CLI and server) built from ${inputs.length} source files in ${seconds} s`);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  if (!freshBuild(root)) throw new Error(`build: ${manifestPath(root)} is not fresh right after the build`);
}
