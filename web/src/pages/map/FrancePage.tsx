import { useDeferredValue, useMemo } from 'react';
import { z } from 'zod';
import { useElections, useRaceVotes } from '../../api/map.ts';
import { useSort } from '../../components/SortHeader.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { usePageTitle } from '../../components/usePageTitle.ts';
import { useSearchFilters } from '../../components/useSearchFilters.ts';
import { orEmpty, useFilterForm } from '../../forms/use-filter-form.ts';
import { TextField } from '../../ui/fields.tsx';
import { FranceTable } from './FranceTable.tsx';
import { constituencyRows, type FranceSortKey, leadingNuances, rowMatches, sortRows } from './france-rows.ts';
import { MapViews } from './MapViews.tsx';
import './map.css';

const office = 'fr_assemblee_nationale';
/** Columns of their own for the nuances with the most votes; every nuance is in each row's details. */
const nuanceColumns = 4;

/** The search filters the rows already loaded (no request carries it): the page's own schema. */
const searchSchema = z.object({ q: z.string().optional() });

/** The 577 constituencies of the 2024 legislative elections' first round: sortable and searchable. */
export function FrancePage() {
  usePageTitle('France 2024 constituencies');
  const [filters, setFilters] = useSearchFilters<'q', { q: string }>(['q']);
  const query = useDeferredValue(filters.q);
  const form = useFilterForm(searchSchema, { q: filters.q || undefined }, (patch) =>
    setFilters(orEmpty(patch)),
  );
  const elections = useElections('FR');
  const election = elections.data?.find((e) => e.slug === 'fr-2024-legislatives-t1') ?? elections.data?.[0];
  const raceVotes = useRaceVotes(election?.id, office);
  const rows = useMemo(() => constituencyRows(raceVotes.data ?? []), [raceVotes.data]);
  const nuances = useMemo(() => leadingNuances(rows, nuanceColumns), [rows]);
  const [sort, handleSort] = useSort<FranceSortKey>({ key: 'constituency', descending: false });
  const shown = useMemo(
    () =>
      sortRows(
        rows.filter((row) => rowMatches(row, query)),
        sort,
      ),
    [rows, query, sort],
  );

  const error = elections.error ?? raceVotes.error;
  return (
    <section aria-labelledby="france-title">
      <div className="page-head">
        <h1 id="france-title">France 2024 constituencies</h1>
        <MapViews />
      </div>
      <p>
        {election ? `${election.name}: ` : ''}votes by nuance in each constituency, who was elected in the
        first round and who qualified for the runoff. Choose a column heading to sort.
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      {elections.data && !election ? <p>No French election is loaded (run concord data load).</p> : null}
      {elections.isPending || (election && raceVotes.isPending) ? (
        <Loading label="Loading the constituencies" />
      ) : null}
      {raceVotes.data ? (
        <>
          <div className="filters">
            <TextField
              form={form}
              name="q"
              label="Search constituencies"
              type="search"
              placeholder="e.g. Ain, 7501, RN"
            />
          </div>
          <p className="muted" role="status" aria-live="polite">
            {shown.length === rows.length
              ? `${rows.length} constituencies`
              : `${shown.length} of ${rows.length} constituencies`}
          </p>
          <FranceTable rows={shown} nuances={nuances} sort={sort} onSort={handleSort} />
        </>
      ) : null}
    </section>
  );
}
