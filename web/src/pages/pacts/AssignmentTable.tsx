import { Badge } from '../../components/Badge.tsx';
import { SortHeader, type SortState } from '../../components/SortHeader.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { AssignmentRow, RowSortKey } from './assignment-rows.ts';
import { formatProbability } from './format.ts';
import { LockButton } from './LockButton.tsx';
import { MemberName } from './MemberName.tsx';
import { tierLabels } from './race-odds.ts';

interface AssignmentTableProps {
  pactId: string;
  rows: readonly AssignmentRow[];
  colours: ReadonlyMap<string, string>;
  sort: SortState<RowSortKey>;
  onSort: (key: RowSortKey, descendingFirst: boolean) => void;
  /** Staff on a draft: lock and unlock from the table. */
  canEdit: boolean;
  onOpen: (race: string) => void;
}

function ConsentCell({ row }: { row: AssignmentRow }) {
  if (row.consents === 0 && row.objections === 0) return <span className="muted">—</span>;
  return (
    <span className="consent-cell">
      {row.consents > 0 ? (
        <span className="ok-text">
          ✓ {row.consents} consent{row.consents === 1 ? '' : 's'}
        </span>
      ) : null}
      {row.objections > 0 ? (
        <span className="bad-text">
          ✗ {row.objections} objection{row.objections === 1 ? '' : 's'}
        </span>
      ) : null}
    </span>
  );
}

/** Every race of the pact with its member, odds, rules, local consent and the engine's reason. */
export function AssignmentTable({
  pactId,
  rows,
  colours,
  sort,
  onSort,
  canEdit,
  onOpen,
}: AssignmentTableProps) {
  return (
    <TableScroll label="Races and their members">
      <table className="assignment-table">
        <caption className="visually-hidden">
          Races of the pact: assigned member, its win probability, tier, locks and vetoes, local consent and
          the engine’s explanation
        </caption>
        <thead>
          <tr>
            <SortHeader label="Race" sortKey="race" sort={sort} onSort={onSort} />
            <SortHeader label="Member" sortKey="member" sort={sort} onSort={onSort} />
            <SortHeader
              label="Win prob."
              title="Win probability"
              sortKey="probability"
              sort={sort}
              onSort={onSort}
              numeric
            />
            <SortHeader label="Tier" sortKey="tier" sort={sort} onSort={onSort} />
            <th scope="col">Locks and vetoes</th>
            <th scope="col">Local consent</th>
            <th scope="col">Explanation</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-race={row.key}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onOpen(row.key)}>
                  {row.name}
                </button>{' '}
                <span className="muted">{row.key}</span>
              </th>
              <td>
                <MemberName member={row.member} colours={colours} />
              </td>
              <td className="num">{formatProbability(row.probability)}</td>
              <td>{row.tier ? tierLabels[row.tier] : '—'}</td>
              <td>
                <div className="rule-cell">
                  {row.lock ? <Badge tone="warn">Locked to {row.lock.name}</Badge> : null}
                  {row.vetoes.map((v) => (
                    <Badge key={v.organizationId} tone="bad">
                      Veto: {v.name}
                    </Badge>
                  ))}
                  {canEdit ? <LockButton pactId={pactId} row={row} /> : null}
                </div>
              </td>
              <td>
                <ConsentCell row={row} />
              </td>
              <td className="explanation-cell">
                {row.explanation ? <p>{row.explanation}</p> : <span className="muted">No version yet</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
