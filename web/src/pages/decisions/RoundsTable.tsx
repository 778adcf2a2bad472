import type { ChartRound } from '../../components/RoundsChart.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

/** The round-by-round figures behind the chart: one row per option, one column per round. */
export function RoundsTable({ rounds }: { rounds: readonly ChartRound[] }) {
  const options = [...new Set(rounds.flatMap((r) => Object.keys(r.tallies)))];
  const fate = (name: string, round: ChartRound) =>
    round.elected.includes(name) ? ' (elected)' : round.eliminated.includes(name) ? ' (eliminated)' : '';
  return (
    <TableScroll label="Votes by round">
      <table>
        <caption>Votes by round</caption>
        <thead>
          <tr>
            <th scope="col">Option</th>
            {rounds.map((r) => (
              <th scope="col" className="num" key={r.round}>
                Round {r.round}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {options.map((name) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {rounds.map((r) => (
                <td className="num" key={r.round}>
                  {r.tallies[name] === undefined ? '—' : String(r.tallies[name])}
                  {fate(name, r)}
                </td>
              ))}
            </tr>
          ))}
          {rounds.some((r) => r.exhausted !== undefined) ? (
            <tr>
              <th scope="row">Exhausted ballots</th>
              {rounds.map((r) => (
                <td className="num" key={r.round}>
                  {r.exhausted === undefined ? '—' : String(r.exhausted)}
                </td>
              ))}
            </tr>
          ) : null}
        </tbody>
      </table>
    </TableScroll>
  );
}
