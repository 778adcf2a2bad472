import { useEffect, useRef } from 'react';
import type { PactView } from '../../api/pacts.ts';
import { formatNumber } from '../../components/labels.ts';
import type { AssignmentRow } from './assignment-rows.ts';
import { formatProbability } from './format.ts';
import { MemberName } from './MemberName.tsx';
import { RaceConsent } from './RaceConsent.tsx';
import { RaceRules } from './RaceRules.tsx';
import { type RaceOdds, tierLabels } from './race-odds.ts';

interface RaceDialogProps {
  pact: PactView;
  row: AssignmentRow | null;
  odds: RaceOdds | undefined;
  colours: ReadonlyMap<string, string>;
  rows: readonly AssignmentRow[];
  canEdit: boolean;
  onClose: () => void;
}

/**
 * One race in a modal dialog: who runs and why, every member's odds there, the past votes, the
 * rules (staff change them here) and the local stances (a delegate records its own). A native
 * <dialog>: focus moves in, Escape closes it, focus returns to the button that opened it.
 */
export function RaceDialog({ pact, row, odds, colours, rows, canEdit, onClose }: RaceDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (row && !element.open) element.showModal();
    if (!row && element.open) element.close();
  }, [row]);
  const names = new Map(pact.members.map((m) => [m.key, m.name]));
  const votes = row ? Object.entries(row.race.votesByParty).sort((a, b) => b[1] - a[1]) : [];

  return (
    <dialog ref={dialog} className="race-dialog" aria-labelledby="race-dialog-title" onClose={onClose}>
      {row ? (
        <>
          <div className="dialog-head">
            <h2 id="race-dialog-title">
              {row.name} <span className="muted">{row.key}</span>
            </h2>
            <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
          <p>
            <MemberName member={row.member} colours={colours} />
            {row.member
              ? `: win probability ${formatProbability(row.probability)}`
              : ': no coalition candidate'}
            {row.tier ? ` · ${tierLabels[row.tier]} race` : ''}
          </p>
          <h3>Why</h3>
          <p className="explanation">{row.explanation ?? 'The pact has not been run yet.'}</p>
          {odds ? (
            <table className="compact">
              <caption>If each member ran for the pact here</caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col" className="num">
                    Win probability
                  </th>
                </tr>
              </thead>
              <tbody>
                {odds.byMember.map((entry) => (
                  <tr key={entry.key}>
                    <th scope="row">{names.get(entry.key) ?? entry.key}</th>
                    <td className="num">{formatProbability(entry.probability)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <details className="past-votes">
            <summary>
              Past votes (
              {row.race.totalVotes === null ? 'no result' : `${formatNumber(row.race.totalVotes)} valid`})
            </summary>
            <ul>
              {votes.map(([party, n]) => (
                <li key={party}>
                  {party}: {formatNumber(n)}
                  {row.race.incumbentParty === party ? ' (held the seat)' : ''}
                </li>
              ))}
            </ul>
          </details>
          <RaceRules pact={pact} row={row} rows={rows} canEdit={canEdit} />
          <RaceConsent pact={pact} row={row} />
        </>
      ) : null}
    </dialog>
  );
}
