import { useId } from 'react';
import { formatExact } from './labels.ts';

/** One round as the tabulation engine reports it (DESIGN.md, "Ballot files"); tallies may be exact decimal strings. */
export interface ChartRound {
  round: number;
  tallies: Record<string, number | string>;
  exhausted?: number | string;
  elected: string[];
  eliminated: string[];
}

/** Okabe–Ito, colour-blind safe; each option keeps its colour across rounds. */
const palette = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#555e68', '#8a6d00'];

/**
 * Horizontal bars per round, drawn with HTML and CSS grid rather than SVG: labels and values are
 * text that wraps, so a long option name or "1,234.5 eliminated" is never cut off at any width.
 * The same figures are in the tally table beside it, which is what screen readers read; the chart
 * is one image with the title as its name.
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

  return (
    <figure className="chart">
      {caption ? <figcaption>{caption}</figcaption> : null}
      <div role="img" aria-labelledby={`${id}-title`} className="chart-body">
        <span id={`${id}-title`} hidden>
          {title}
        </span>
        {rounds.map((round) => (
          <div key={round.round} className="chart-round-block">
            {headed ? <div className="chart-round">Round {round.round}</div> : null}
            {candidates.map((name) => {
              const raw = round.tallies[name];
              const value = raw === undefined ? 0 : Number(raw);
              const note = round.elected.includes(name)
                ? ' elected'
                : round.eliminated.includes(name)
                  ? ' eliminated'
                  : '';
              return (
                <div key={name} className="chart-row">
                  <span className="chart-label">{name}</span>
                  <span className="chart-track">
                    <span
                      className="chart-bar"
                      style={{
                        width: `${raw === undefined ? 0 : Math.max(0.5, (value / max) * 100)}%`,
                        background: color(name),
                      }}
                    />
                  </span>
                  <span className="chart-value">
                    {raw === undefined ? '—' : formatExact(raw)}
                    {note}
                  </span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </figure>
  );
}
