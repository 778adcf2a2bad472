/**
 * What bin/concord.js needs to know about the JavaScript build in dist/ (scripts/build.ts), in plain
 * JavaScript so that reading it costs no compiler: whether the build is fresh, and the help text of
 * a `--help` request, both from dist/manifest.json.
 *
 * Fresh means every source file the bundle was built from still has the modification time and
 * size it had when the build read it (about 450 stat calls, a few milliseconds). Any edit, checkout
 * or pull changes them, so the build never runs older code than the sources.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const manifestPath = (root) => join(root, 'dist', 'manifest.json');

/** The manifest of the build in `root`/dist when it is complete and built from today's sources. */
export function freshBuild(root) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath(root), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest.format !== 1) return undefined;
  for (const [path, mtimeMs, size] of manifest.inputs) {
    const stat = statSync(join(root, path), { throwIfNoEntry: false });
    if (stat?.mtimeMs !== mtimeMs || stat.size !== size) return undefined;
  }
  return manifest;
}

/**
 * The text `concord <args>` prints when `args` only ask for help (`… --help`, `… -h`, `help` or
 * `help <command>`, as commander answers them), or undefined when the command must run.
 */
export function helpFor(tree, args) {
  let words;
  if (args[0] === 'help' && args.length <= 2) words = args.slice(1);
  else if (args.length > 0 && (args.at(-1) === '--help' || args.at(-1) === '-h')) words = args.slice(0, -1);
  else return undefined;
  let node = tree;
  for (const word of words) {
    node = node.commands.find((command) => command.names.includes(word));
    if (node === undefined) return undefined;
  }
  return node.help;
}
