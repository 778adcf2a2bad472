import cliProgress from 'cli-progress';
import type { LoadProgress } from './load.service.ts';

/**
 * A cli-progress bar on stderr, only when stderr is a terminal (logs and CI stay clean). Returns
 * undefined otherwise, so callers pass it straight on as an optional progress.
 */
export function terminalProgress(): (LoadProgress & { stop(): void }) | undefined {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'loading {bar} {percentage}% | {value}/{total} rows | {label}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    total(rows) {
      if (rows === 0) return;
      bar.start(rows, 0, { label: '' });
      started = true;
    },
    advance(rows, label) {
      if (started) bar.increment(rows, { label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
