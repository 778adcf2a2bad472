import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { webBuildInto } from '../../scripts/build-web.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's own build of the web app (see below). */
    webDist: string;
  }
}

/**
 * The web app once per run in a folder of its own. Several engineers share one checkout: a
 * `npm run build:web` elsewhere replaces web/dist, and a browser test serving web/dist at that
 * moment loads nothing. A private copy cannot be pulled away mid-run. It is copied from web/dist
 * when that was built from today's sources (`npm install` builds it), else built.
 */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'concord-e2e-web-'));
  // Vitest sets NODE_ENV=test, which would give React's development build: test what ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await webBuildInto(outDir);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  project.provide('webDist', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
