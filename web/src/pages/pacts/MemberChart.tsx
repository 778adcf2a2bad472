import { useId } from 'react';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatWins } from './format.ts';

export interface MemberFigures {
  key: string;
  name: string;
  weight: number;
  entitlement: number;
  apportioned: number;
  races: number;
  expectedWins: number;
}

const series = [
  { key: 'entitlement', label: 'Entitlement (races)', color: '#8c959f' },
  { key: 'races', label: 'Races given', color: '#0b5cad' },
  { key: 'expectedWins', label: 'Expected wins', color: '#116329' },
] as const;

const bar = 16;
const gap = 3;
const groupGap = 16;
const labelWidth = 180;
const barSpace = 360;
const valueWidth = 60;
const groupHeight = series.length * (bar + gap) + groupGap;

/**
 * Each member's entitlement, races and expected wins as grouped bars in plain SVG (no chart
 * library), every bar labelled with its figure. The table after it holds the same numbers and
 * more, for screen readers and for copying.
 */
export function MemberChart({ members, title }: { members: readonly MemberFigures[]; title: string }) {
  const id = useId();
  const max = Math.max(1, ...members.flatMap((m) => series.map((s) => m[s.key])));
  const width = labelWidth + barSpace + valueWidth;
  return (
    <figure className="chart member-chart">
      <ul className="chart-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.color }} />
            {s.label}
          </li>
        ))}
      </ul>
      <TableScroll label={`Chart: ${title}`}>
        <svg
          viewBox={`0 0 ${width} ${members.length * groupHeight}`}
          role="img"
          aria-labelledby={`${id}-title`}
          preserveAspectRatio="xMinYMin meet"
        >
          <title id={`${id}-title`}>{title}</title>
          {members.map((member, i) => (
            <g key={member.key} transform={`translate(0 ${i * groupHeight})`}>
              <text
                x={labelWidth - 8}
                y={(series.length * (bar + gap)) / 2 + 4}
                textAnchor="end"
                className="chart-label"
              >
                {member.name}
              </text>
              {series.map((s, j) => {
                const value = member[s.key];
                const length = (value / max) * barSpace;
                const y = j * (bar + gap);
                return (
                  <g key={s.key}>
                    <rect
                      x={labelWidth}
                      y={y}
                      width={Math.max(1, length)}
                      height={bar}
                      fill={s.color}
                      rx={2}
                    />
                    <text x={labelWidth + length + 5} y={y + bar - 3} className="chart-value">
                      {s.key === 'races' ? value : formatWins(value)}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </TableScroll>
      <figcaption className="visually-hidden">{title}; the table below gives the same figures.</figcaption>
    </figure>
  );
}

/** The chart's figures as a table, with the weight and the apportioned whole number too. */
export function MemberFiguresTable({ members }: { members: readonly MemberFigures[] }) {
  return (
    <TableScroll label="Members’ entitlement, races and expected wins">
      <table>
        <caption>Entitlement, races and expected wins by member</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col" className="num">
              Weight
            </th>
            <th scope="col" className="num">
              Entitlement
            </th>
            <th scope="col" className="num">
              Apportioned
            </th>
            <th scope="col" className="num">
              Races
            </th>
            <th scope="col" className="num">
              Expected wins
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.key}>
              <th scope="row">{m.name}</th>
              <td className="num">{m.weight.toLocaleString('en-US')}</td>
              <td className="num">{formatWins(m.entitlement)}</td>
              <td className="num">{m.apportioned}</td>
              <td className="num">{m.races}</td>
              <td className="num">{formatWins(m.expectedWins)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
