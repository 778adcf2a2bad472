import { formatNumber } from '../../components/labels.ts';
import { Pager, usePaged } from '../../components/Pager.tsx';
import { SortHeader, type SortState } from '../../components/SortHeader.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { Candidate, ConstituencyRow, FranceSortKey } from './france-rows.ts';
import { nuanceShare } from './france-rows.ts';
import { formatShare, formatVotes } from './lean-format.ts';
import { nuanceName } from './nuance-labels.ts';

/** Rows per page: the whole table (577 rows, each with its candidates) is too long to scroll or render at once. */
const pageSize = 100;

const who = (c: Candidate) => `${c.name} (${c.nuance})`;

function Outcome({ row }: { row: ConstituencyRow }) {
  if (row.elected) return <>Elected: {who(row.elected)}</>;
  if (row.qualified.length > 0) return <>Runoff: {row.qualified.map(who).join(', ')}</>;
  return <>—</>;
}

/** Every candidate of a constituency, in a disclosure so the table stays one line per row. */
function Candidates({ row }: { row: ConstituencyRow }) {
  return (
    <details className="result-lines">
      <summary>
        {row.candidates.length} candidate{row.candidates.length === 1 ? '' : 's'}
      </summary>
      <ul className="candidate-list">
        {row.candidates.map((c) => (
          <li key={`${c.name}|${c.nuance}`}>
            {c.name} <abbr title={nuanceName(c.nuance)}>{c.nuance}</abbr> {formatNumber(c.votes)} (
            {formatShare(c.share)})
            {c.outcome === 'elected' ? ', elected' : c.outcome === 'runoff' ? ', runoff' : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function FranceTable({
  rows,
  nuances,
  sort,
  onSort,
}: {
  rows: readonly ConstituencyRow[];
  nuances: readonly string[];
  sort: SortState<FranceSortKey>;
  onSort: (key: FranceSortKey, descendingFirst: boolean) => void;
}) {
  const paged = usePaged(rows, pageSize);
  return (
    <>
      <TableScroll label="Constituencies">
        <table className="france-table">
          <caption className="visually-hidden">
            French constituencies, 2024 first round: valid votes, turnout, share of the leading nuances, and
            outcome
          </caption>
          <thead>
            <tr>
              <SortHeader label="Constituency" sortKey="constituency" sort={sort} onSort={onSort} />
              <SortHeader label="Valid votes" sortKey="valid" sort={sort} onSort={onSort} numeric />
              <SortHeader label="Turnout" sortKey="turnout" sort={sort} onSort={onSort} numeric />
              {nuances.map((nuance) => (
                <SortHeader
                  key={nuance}
                  label={nuance}
                  title={nuanceName(nuance)}
                  sortKey={`nuance:${nuance}`}
                  sort={sort}
                  onSort={onSort}
                  numeric
                />
              ))}
              <SortHeader label="Outcome" sortKey="outcome" sort={sort} onSort={onSort} />
            </tr>
          </thead>
          <tbody>
            {paged.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.name} <span className="muted">{row.code}</span>
                  <Candidates row={row} />
                </th>
                <td className="num">{formatVotes(row.valid)}</td>
                <td className="num">{formatShare(row.turnout)}</td>
                {nuances.map((nuance) => (
                  <td key={nuance} className="num">
                    {row.votesByNuance[nuance] === undefined ? '—' : formatShare(nuanceShare(row, nuance))}
                  </td>
                ))}
                <td>
                  <Outcome row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager label="Constituency pages" paged={paged} />
    </>
  );
}
