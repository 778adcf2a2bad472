#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx concord` needs no build step.
import { register } from 'tsx/esm/api';

register();
// `tabulate` and `rctab` skip the server and database imports they never use (see tabulate-entry.ts).
const lightEntries = {
  tabulate: '../src/features/tabulation/tabulate-entry.ts',
  rctab: '../src/features/rctab/rctab-entry.ts',
};
await import(lightEntries[process.argv[2]] ?? '../src/cli.ts');
