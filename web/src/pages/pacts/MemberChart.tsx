import { useCallback } from 'react';
import { PlotFigure, type PlotModule } from '../../components/PlotFigure.tsx';
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
  { key: 'entitlement', label: 'Entitlement (races)', color: 'var(--muted)' },
  { key: 'races', label: 'Races given', color: 'var(--accent)' },
  { key: 'expectedWins', label: 'Expected wins', color: 'var(--ok)' },
] as const;

/**
 * Each member's entitlement, races and expected wins as grouped bars, every bar labelled with its
 * figure. The table after it holds the same numbers and more, for screen readers and for copying.
 */
export function MemberChart({ members, title }: { members: readonly MemberFigures[]; title: string }) {
  const spec = useCallback(
    (plot: PlotModule) => {
      const bars = members.flatMap((m) =>
        series.map((s) => ({
          name: m.name,
          series: s.label,
          value: m[s.key],
          text: s.key === 'races' ? String(m[s.key]) : formatWins(m[s.key]),
        })),
      );
      return {
        width: 600,
        height: members.length * 64 + 30,
        marginLeft: 180,
        marginRight: 60,
        x: { axis: null },
        y: { axis: null, domain: series.map((s) => s.label) },
        fy: { domain: members.map((m) => m.name), axis: 'left' as const, label: null },
        color: { domain: series.map((s) => s.label), range: series.map((s) => s.color) },
        marks: [
          plot.barX(bars, { x: 'value', y: 'series', fy: 'name', fill: 'series', rx: 2 }),
          plot.text(bars, { x: 'value', y: 'series', fy: 'name', text: 'text', textAnchor: 'start', dx: 5 }),
        ],
      };
    },
    [members],
  );
  return (
    <PlotFigure
      className="chart member-chart"
      spec={spec}
      label={`${title}; the table below gives the same figures`}
      caption={
        <ul className="chart-legend" aria-hidden="true">
          {series.map((s) => (
            <li key={s.key}>
              <span className="swatch" style={{ background: s.color }} />
              {s.label}
            </li>
          ))}
        </ul>
      }
    />
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
