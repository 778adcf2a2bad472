import type { PipelineView } from '../../api/people.ts';

const columnWidth = 120;
const rowHeight = 26;
const pad = { left: 110, top: 24, bottom: 8 };

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
 * people who had reached that stage), side by side. Clean SVG with no chart library, so the page
 * stays small; the table after it carries the same numbers for screen readers and for reading.
 */
export function FunnelChart({ stages, points }: { stages: string[]; points: FunnelPoint[] }) {
  const widest = Math.max(1, ...points.flatMap((p) => p.reached));
  const width = pad.left + points.length * columnWidth;
  const height = pad.top + stages.length * rowHeight + pad.bottom;
  const bar = (count: number) => Math.max(count > 0 ? 2 : 0, ((columnWidth - 16) * count) / widest);
  return (
    <figure className="funnel-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
        role="img"
        aria-label={`Stage funnel by month, ${points[0]?.month} to ${points.at(-1)?.month}; the numbers are in the table below`}
      >
        {stages.map((stage, row) => (
          <text
            key={stage}
            x={pad.left - 8}
            y={pad.top + row * rowHeight + 17}
            textAnchor="end"
            fontSize={12}
          >
            {stage}
          </text>
        ))}
        {points.map((point, col) => {
          const centre = pad.left + col * columnWidth + columnWidth / 2;
          return (
            <g key={point.month}>
              <text x={centre} y={14} textAnchor="middle" fontSize={12}>
                {point.month}
              </text>
              {point.reached.map((count, row) => (
                <rect
                  key={stages[row]}
                  x={centre - bar(count) / 2}
                  y={pad.top + row * rowHeight + 4}
                  width={bar(count)}
                  height={rowHeight - 8}
                  fill="#2f6b9a"
                  opacity={1 - row * (0.5 / Math.max(1, stages.length))}
                >
                  <title>{`${point.month}, ${stages[row]}: ${count}`}</title>
                </rect>
              ))}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
