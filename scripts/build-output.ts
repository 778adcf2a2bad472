import { renameSync, rmSync } from 'node:fs';

/**
 * Swaps `fresh` in as `target`: a reader finds the old build, the new one or (for an instant) none,
 * never half of one (bin/concord.js then runs the sources).
 */
export function replaceDirectory(fresh: string, target: string): void {
  const old = `${target}.old-${process.pid}`;
  try {
    renameSync(target, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    renameSync(fresh, target);
  } catch (error) {
    // Another build swapped its own in meanwhile: from the same sources, so keep that one.
    rmSync(fresh, { recursive: true, force: true });
    if (!['ENOTEMPTY', 'EEXIST'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  rmSync(old, { recursive: true, force: true });
}
