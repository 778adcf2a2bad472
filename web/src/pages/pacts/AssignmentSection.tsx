import { useMemo, useState } from 'react';
import type { PactView } from '../../api/pacts.ts';
import { useSort } from '../../components/SortHeader.tsx';
import { useSearchFilters } from '../../components/useSearchFilters.ts';
import { AssignmentFilters } from './AssignmentFilters.tsx';
import { AssignmentMap, mapLevelOf } from './AssignmentMap.tsx';
import { AssignmentTable } from './AssignmentTable.tsx';
import {
  type AssignmentRow,
  filterRows,
  type RowFilter,
  type RowSortKey,
  sortRows,
} from './assignment-rows.ts';
import { RaceDialog } from './RaceDialog.tsx';
import type { RaceOdds } from './race-odds.ts';

const filterKeys = ['text', 'member', 'rule', 'tier'] as const;
/**
 * Rows drawn at first. A browser lays out a 577-row table (France) in about a third of a second
 * at every sort; the first rows of the sorted, filtered list are what is read, the rest on demand.
 */
const firstRows = 150;

function countText(shown: number, total: number, drawn: number): string {
  const matching = shown === total ? `${total} races` : `${shown} of ${total} races`;
  return drawn < shown ? `${matching}, the first ${drawn} listed` : matching;
}

interface AssignmentSectionProps {
  pact: PactView;
  rows: readonly AssignmentRow[];
  odds: Map<string, RaceOdds>;
  colours: ReadonlyMap<string, string>;
  canEdit: boolean;
}

/**
 * The latest version's assignment on the map (zones with shapes) and in a sortable, filterable
 * table; a race opens in a dialog from either. Filters live in the address, so a view can be shared.
 */
export function AssignmentSection({ pact, rows, odds, colours, canEdit }: AssignmentSectionProps) {
  const [filter, setFilter] = useSearchFilters<(typeof filterKeys)[number], RowFilter>(filterKeys);
  const [sort, toggleSort] = useSort<RowSortKey>({ key: 'race', descending: false });
  const [selected, setSelected] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);
  const drawn = showAll ? shown : shown.slice(0, firstRows);
  const level = mapLevelOf(pact);
  const selectedRow = rows.find((r) => r.key === selected) ?? null;

  return (
    <section aria-labelledby="assignment-title" id="assignment">
      <h2 id="assignment-title">Assignment</h2>
      {level ? (
        <AssignmentMap
          pact={pact}
          level={level}
          rows={rows}
          colours={colours}
          selected={selected}
          onSelect={setSelected}
        />
      ) : (
        <p className="muted">
          No map for this pact: the map draws US states, counties and House districts, and its races have no
          shapes there. The table below is the whole picture.
        </p>
      )}
      <AssignmentFilters filter={filter} members={pact.members} onChange={setFilter} />
      <p className="muted" role="status" aria-live="polite">
        {countText(shown.length, rows.length, drawn.length)}
      </p>
      <AssignmentTable
        pactId={pact.id}
        rows={drawn}
        colours={colours}
        sort={sort}
        onSort={toggleSort}
        canEdit={canEdit}
        onOpen={setSelected}
      />
      {drawn.length < shown.length ? (
        <p>
          <button type="button" className="secondary" onClick={() => setShowAll(true)}>
            List all {shown.length} races
          </button>
        </p>
      ) : null}
      <RaceDialog
        key={selected ?? ''}
        pact={pact}
        row={selectedRow}
        odds={selected ? odds.get(selected) : undefined}
        colours={colours}
        rows={rows}
        canEdit={canEdit}
        onClose={() => setSelected(null)}
      />
    </section>
  );
}
