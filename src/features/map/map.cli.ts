import type { Command } from 'commander';
import { registerDataCommands } from './data.cli.ts';
import { registerImportCommands } from './imports/import.cli.ts';

/** The map's commands: `concord data load|check` (shipped datasets) and `concord map import …`. */
export function registerMapCommands(program: Command): void {
  registerDataCommands(program);
  registerImportCommands(program);
}
