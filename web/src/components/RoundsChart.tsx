import { useId } from 'react';
import { TableScroll } from './TableScroll.tsx';

/** One round as the tabulation engine reports it (DESIGN.md, "Ballot files"); tallies may be exact decimal strings. */
export interface ChartRound {
  round: number;
  tallies: Record<string, number | string>;
  exhausted?: number | string;
  elected: string[];
  eliminated: string[];
}

const palette = ['#0b5cad', '#a40e26', '#555e68', '#116329', '#8a4b00', '#6f42c1', '#00707a', '#b3206f'];
const rowHeight = 26;
const labelWidth = 150;
const barSpace = 360;
const valueWidth = 130;

/**
 * Horizontal bars per round, in plain SVG (no chart library: a few hundred bytes beat a hundred
 * kilobytes). The same figures are in the tally table beside it, which is what screen readers get.
 */
export function RoundsChart({
  rounds,
  title,
  caption,
}: {
  rounds: readonly ChartRound[];
  title: string;
  /** A visible caption, where several charts stand together. */
  caption?: string;
}) {
  const id = useId();
  const candidates = [...new Set(rounds.flatMap((r) => Object.keys(r.tallies)))];
  const max = Math.max(1, ...rounds.flatMap((r) => Object.values(r.tallies).map(Number)));
  const color = (name: string) => palette[candidates.indexOf(name) % palette.length];
  const headed = rounds.length > 1;
  const roundHeight = (candidates.length + (headed ? 1 : 0)) * rowHeight + 8;
  const height = rounds.length * roundHeight;

  return (
    <figure className="chart">
      {caption ? <figcaption>{caption}</figcaption> : null}
      <TableScroll label={`Chart: ${title}`}>
        <svg
          viewBox={`0 0 ${labelWidth + barSpace + valueWidth} ${height}`}
          role="img"
          aria-labelledby={`${id}-title`}
          preserveAspectRatio="xMinYMin meet"
        >
          <title id={`${id}-title`}>{title}</title>
          {rounds.map((round, r) => {
            const top = r * roundHeight;
            return (
              <g key={round.round} transform={`translate(0 ${top})`}>
                {headed ? (
                  <text x={0} y={18} className="chart-round">
                    Round {round.round}
                  </text>
                ) : null}
                {candidates.map((name, i) => {
                  const raw = round.tallies[name];
                  const y = (i + (headed ? 1 : 0)) * rowHeight + 4;
                  const value = raw === undefined ? 0 : Number(raw);
                  const note = round.elected.includes(name)
                    ? ' elected'
                    : round.eliminated.includes(name)
                      ? ' eliminated'
                      : '';
                  return (
                    <g key={name}>
                      <text x={labelWidth - 8} y={y + 16} textAnchor="end" className="chart-label">
                        {name}
                      </text>
                      <rect
                        x={labelWidth}
                        y={y + 3}
                        width={Math.max(raw === undefined ? 0 : 2, (value / max) * barSpace)}
                        height={rowHeight - 8}
                        fill={color(name)}
                        rx={3}
                      />
                      <text x={labelWidth + (value / max) * barSpace + 6} y={y + 16} className="chart-value">
                        {raw === undefined ? '—' : String(raw)}
                        {note}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </TableScroll>
    </figure>
  );
}
