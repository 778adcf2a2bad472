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
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);
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
          The map draws US states and counties; this pact’s races (
          {pact.kind === 'races' ? 'districts' : 'zones'}) have no shapes there, so the table below is the
          whole picture.
        </p>
      )}
      <AssignmentFilters filter={filter} members={pact.members} onChange={setFilter} />
      <p className="muted" role="status" aria-live="polite">
        {shown.length === rows.length ? `${rows.length} races` : `${shown.length} of ${rows.length} races`}
      </p>
      <AssignmentTable
        pactId={pact.id}
        rows={shown}
        colours={colours}
        sort={sort}
        onSort={toggleSort}
        canEdit={canEdit}
        onOpen={setSelected}
      />
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
