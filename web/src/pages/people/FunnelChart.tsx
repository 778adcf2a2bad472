import { useCallback } from 'react';
import type { PipelineView } from '../../api/people.ts';
import { PlotFigure, type PlotModule } from '../../components/PlotFigure.tsx';

export interface FunnelPoint {
  month: string;
  /** People who had reached each stage (beyond the first) by the end of the month, in ladder order. */
  reached: number[];
}

/**
 * People who had reached each stage by the end of each month: every move up is one stage at a
 * time, so the running sum of moves into a stage is how many had reached it (people erased since
 * are still counted in the months they were there).
 */
export function funnelOverTime(pipeline: PipelineView): { stages: string[]; points: FunnelPoint[] } {
  const stages = pipeline.stages.slice(1).map((s) => s.name);
  const months = [...new Set(pipeline.moves.map((m) => m.month))].sort();
  const running = stages.map(() => 0);
  const points = months.map((month) => {
    stages.forEach((stage, i) => {
      running[i] =
        (running[i] ?? 0) +
        pipeline.moves
          .filter((m) => m.month === month && m.stage === stage)
          .reduce((sum, m) => sum + m.count, 0);
    });
    return { month, reached: [...running] };
  });
  return { stages, points };
}

/**
 * The funnel over time: one small funnel per month (stages top to bottom, each bar as wide as the
 * people who had reached that stage, centred), side by side. The table after it carries the same
 * numbers for screen readers and for reading.
 */
export function FunnelChart({ stages, points }: { stages: string[]; points: FunnelPoint[] }) {
  const spec = useCallback(
    (plot: PlotModule) => {
      const bars = points.flatMap((point) =>
        stages.map((stage, row) => ({ month: point.month, stage, count: point.reached[row] ?? 0 })),
      );
      return {
        width: 110 + points.length * 120,
        height: 40 + stages.length * 26,
        marginLeft: 110,
        x: { axis: null },
        y: { domain: stages, label: null },
        fx: { domain: points.map((p) => p.month), axis: 'top' as const, label: null },
        marks: [
          plot.barX(bars, {
            x1: (d: { count: number }) => -d.count / 2,
            x2: (d: { count: number }) => d.count / 2,
            y: 'stage',
            fx: 'month',
            fill: 'var(--accent)',
            title: (d: { month: string; stage: string; count: number }) =>
              `${d.month}, ${d.stage}: ${d.count}`,
          }),
        ],
      };
    },
    [stages, points],
  );
  return (
    <PlotFigure
      className="funnel-chart"
      spec={spec}
      label={`Stage funnel by month, ${points[0]?.month} to ${points.at(-1)?.month}; the numbers are in the table below`}
    />
  );
}
