// Types of bin/build-state.js (plain JavaScript, so that bin/concord.js runs it without a compiler).
export interface HelpNode {
  /** The command's name, then its aliases. */
  names: string[];
  /** What `--help` prints for it (80 columns). */
  help: string;
  commands: HelpNode[];
}

export interface Manifest {
  format: 1;
  /** Each source file of the build: path from the repository root, modification time (ms), size. */
  inputs: [path: string, mtimeMs: number, size: number][];
  /** Top-level command name or alias → the src/cli/main.ts command module that registers it. */
  owners: Record<string, string>;
  help: HelpNode;
}

export function manifestPath(root: string): string;
export function freshBuild(root: string): Manifest | undefined;
export function helpFor(tree: HelpNode, args: readonly string[]): string | undefined;
