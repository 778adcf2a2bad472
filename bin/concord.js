#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx concord` needs no build step.
import { register } from 'tsx/esm/api';

register();
// `tabulate` skips the server and database imports it never uses (see tabulate-entry.ts).
await import(
  process.argv[2] === 'tabulate' ? '../src/features/tabulation/tabulate-entry.ts' : '../src/cli.ts'
);
