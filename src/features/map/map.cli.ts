import type { Command } from 'commander';
import { registerDataCommands } from './data.cli.ts';

/** The map's commands: `concord data load|check` (shipped datasets). */
export function registerMapCommands(program: Command): void {
  registerDataCommands(program);
}
