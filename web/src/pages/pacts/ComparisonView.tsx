import type { Comparison } from '../../api/pacts.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatDelta, formatWins } from './format.ts';

const flag = (ok: boolean) => (ok ? 'holds' : 'fails');

/** What changed between two versions: the coalition's figures, the races that moved, each member. */
export function ComparisonView({
  comparison,
  raceNames,
}: {
  comparison: Comparison;
  /** Race key → name, so gains and losses read as places. */
  raceNames: ReadonlyMap<string, string>;
}) {
  const { from, to, coalition, moved, members, fairness } = comparison;
  const named = (keys: readonly string[]) => keys.map((k) => raceNames.get(k) ?? k).join(', ') || '—';
  return (
    <div className="comparison">
      <ul className="card-list">
        <li>
          Version {from.number} → version {to.number}: expected wins {formatWins(coalition.expectedWins.from)}{' '}
          → {formatWins(coalition.expectedWins.to)} (
          <strong>{formatDelta(coalition.expectedWins.delta)}</strong>)
        </li>
        <li>
          {moved.length === 0
            ? 'No race moved'
            : `${moved.length} race${moved.length === 1 ? '' : 's'} moved`}
        </li>
        <li>
          Entitlement ±1 {flag(fairness.from.entitlementWithinOne)} → {flag(fairness.to.entitlementWithinOne)}{' '}
          · WEF1 {flag(fairness.from.wef1)} → {flag(fairness.to.wef1)}
        </li>
      </ul>
      {moved.length > 0 ? (
        <TableScroll label="Races moved">
          <table className="compact">
            <caption>Races moved</caption>
            <thead>
              <tr>
                <th scope="col">Race</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
              </tr>
            </thead>
            <tbody>
              {moved.map((m) => (
                <tr key={m.race}>
                  <th scope="row">
                    {m.name} <span className="muted">{m.race}</span>
                  </th>
                  <td>{m.from?.name ?? 'Open'}</td>
                  <td>{m.to?.name ?? 'Open'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <TableScroll label="Members: gains and losses">
        <table className="compact">
          <caption>Members: gains and losses</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col" className="num">
                Races
              </th>
              <th scope="col" className="num">
                Expected wins
              </th>
              <th scope="col">Gained</th>
              <th scope="col">Lost</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.organizationId}>
                <th scope="row">{m.name}</th>
                <td className="num">
                  {m.races.from} → {m.races.to} ({formatDelta(m.races.delta, 0)})
                </td>
                <td className="num">
                  {formatWins(m.expectedWins.from)} → {formatWins(m.expectedWins.to)} (
                  {formatDelta(m.expectedWins.delta)})
                </td>
                <td>{named(m.gained)}</td>
                <td>{named(m.lost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
