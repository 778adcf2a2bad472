/**
 * What `new Worker(...)` runs for a worker entry point. In the build (scripts/build.ts bundles each
 * worker entry listed there to dist/<name>.js and defines process.env.CONCORD_BUNDLE) the built file
 * runs as it is. From the TypeScript sources a worker thread does not inherit the main thread's
 * loader (tsx, vitest), so worker-boot.mjs registers tsx and then imports the source file.
 */
export interface WorkerEntry {
  file: URL;
  /** Pass as (or merge into) the Worker's workerData. */
  workerData: { entry?: string };
}

export function workerEntry(source: URL, builtName: string): WorkerEntry {
  if (process.env.CONCORD_BUNDLE === '1') {
    // In the bundle, import.meta.url is this source file's own URL (see scripts/build.ts).
    return { file: new URL(`../dist/${builtName}.js`, import.meta.url), workerData: {} };
  }
  return { file: new URL('./worker-boot.mjs', import.meta.url), workerData: { entry: source.href } };
}
