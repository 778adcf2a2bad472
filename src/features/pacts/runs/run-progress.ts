import cliProgress from 'cli-progress';
import type { EngineProgress } from './run-engine.ts';

/**
 * The progress of a pact run on stderr with cli-progress, only when stderr is a terminal (scripts
 * and CI see the result alone). The bar moves by phase: neither solver reports within a phase.
 */
export function runProgressBar(): { update(progress: EngineProgress): void; stop(): void } | undefined {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'pact run {bar} {percentage}% | {phase} | {duration}s',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  // cli-progress redraws on its own timer, so the elapsed time moves during a long exact phase.
  bar.start(100, 0, { phase: 'queued' });
  return {
    update: (progress) => bar.update(progress.percent, { phase: progress.phase }),
    stop() {
      bar.update(100, { phase: 'done' });
      bar.stop();
    },
  };
}
