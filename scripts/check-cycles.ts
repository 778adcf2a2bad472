/**
 * Fails when the run-time import graph of the given folders has a cycle (`npm run lint:cycles`, run
 * by `npm run lint` and CI). esbuild resolves every import the way the build does and drops
 * type-only imports, which are erased at build time and cannot form a run-time cycle. (madge and
 * dependency-cruiser parse TypeScript through the `typescript` package's API, which TypeScript 7
 * no longer ships.)
 *
 *   tsx scripts/check-cycles.ts src web/src
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const sourceFile = /\.(ts|tsx|mts|mjs)$/;
const skipped = /(^|\/)(node_modules|dist|fixtures)(\/|$)|\.d\.ts$/;

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => sourceFile.test(entry) && !skipped.test(entry))
    .map((entry) => join(dir, entry));
}

/** The import graph of `roots`: file → files it imports at run time (paths relative to cwd). */
export async function importGraph(roots: readonly string[]): Promise<Map<string, string[]>> {
  const result = await build({
    entryPoints: roots.flatMap(sourcesUnder),
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'out',
    platform: 'node',
    format: 'esm',
    packages: 'external',
    jsx: 'automatic',
    logLevel: 'silent',
    loader: { '.png': 'empty', '.svg': 'empty', '.css': 'empty', '.json': 'json' },
  });
  const graph = new Map<string, string[]>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    graph.set(
      file,
      input.imports.filter((i) => !i.external).map((i) => relative('.', i.path)),
    );
  }
  return graph;
}

/** Every cycle, as the strongly connected components of more than one file (or a self-import). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const roots = process.argv.slice(2);
  const graph = await importGraph(roots.length > 0 ? roots : ['src', 'web/src']);
  const cycles = findCycles(graph);
  if (cycles.length === 0) {
    process.stdout.write(`no import cycle among ${graph.size} modules\n`);
  } else {
    for (const cycle of cycles) process.stderr.write(`import cycle:\n  ${cycle.join('\n  ')}\n`);
    process.exitCode = 1;
  }
}
