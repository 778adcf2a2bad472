import type { DecisionResult } from '../../api/types.ts';
import { formatExact, formatNumber } from '../../components/labels.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { describeBallot } from './split.ts';

/** Every eligible organization: its weight and share, whether it voted, and (open ballots) how. */
export function TallyTable({ result, secret }: { result: DecisionResult; secret: boolean }) {
  const ballots = new Map((result.ballots ?? []).map((b) => [b.organizationId, b]));
  // Under equal weighting strength plays no part (the API reports 0); the column would mislead.
  const byStrength = result.weighting === 'strength';
  return (
    <TableScroll label="Full tally">
      <table>
        <caption>Full tally</caption>
        <thead>
          <tr>
            <th scope="col">Organization</th>
            {byStrength ? (
              <th scope="col" className="num">
                Strength
              </th>
            ) : null}
            <th scope="col" className="num">
              Weight
            </th>
            <th scope="col" className="num">
              Share
            </th>
            <th scope="col">Ballot</th>
          </tr>
        </thead>
        <tbody>
          {result.eligible.map((e) => {
            const ballot = ballots.get(e.organizationId);
            return (
              <tr key={e.organizationId}>
                <th scope="row">{e.name}</th>
                {byStrength ? <td className="num">{formatNumber(e.strength)}</td> : null}
                <td className="num">
                  {formatExact(e.weight)}
                  {e.capped ? ' (capped)' : ''}
                </td>
                <td className="num">{(Number(e.share) * 100).toFixed(1)}%</td>
                <td>
                  {!e.voted ? 'Did not vote' : secret || !ballot ? 'Voted' : describeBallot(ballot)}
                  {ballot ? <div className="muted receipt">{ballot.receipt}</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
        {result.tally?.weighted && result.tally.organizations ? (
          <tfoot>
            <tr>
              <th scope="row">Weighted totals</th>
              <td colSpan={byStrength ? 4 : 3}>
                yes {formatExact(result.tally.weighted.yes)} · no {formatExact(result.tally.weighted.no)} ·
                abstain {formatExact(result.tally.weighted.abstain)}
              </td>
            </tr>
            <tr>
              <th scope="row">By organization</th>
              <td colSpan={byStrength ? 4 : 3}>
                yes {result.tally.organizations.yes} · no {result.tally.organizations.no} · abstain{' '}
                {result.tally.organizations.abstain}
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
      {result.excluded.length > 0 ? (
        <p className="muted">
          Not counted: {result.excluded.map((x) => `${x.name} (${x.reason})`).join(', ')}
          {result.uncountedBallots > 0 ? `; ${result.uncountedBallots} ballot(s) uncounted` : ''}.
        </p>
      ) : null}
    </TableScroll>
  );
}
