import type { RaceRef } from '../../api/tickets.ts';
import { useNominationRaceSearch } from '../../api/tickets.ts';
import { type ComboboxSearch, SearchCombobox } from '../../components/SearchCombobox.tsx';
import { raceLabel } from './labels.ts';

function useRaceSearch(query: string): ComboboxSearch<RaceRef> {
  const search = useNominationRaceSearch(query);
  return {
    items: search.data?.pages.flatMap((page) => page.races) ?? [],
    hasNextPage: search.hasNextPage === true,
    isPending: search.isPending,
    isError: search.isError,
    isFetchingNextPage: search.isFetchingNextPage,
    fetchNextPage: search.fetchNextPage,
  };
}

/**
 * The race a candidate is proposed for, searched by part of its name, office or place (the
 * coalition's races run to thousands once imported): the place picker's combobox over races.
 */
export function RacePicker({
  value,
  onChange,
  error,
}: {
  value: RaceRef | null;
  onChange: (race: RaceRef | null) => void;
  /** The form's message for the field (e.g. "Choose a race"), shown under it. */
  error?: string | undefined;
}) {
  return (
    <>
      <SearchCombobox
        label="Race"
        value={value}
        onChange={onChange}
        useSearch={useRaceSearch}
        idOf={(race) => race.id}
        labelOf={raceLabel}
        aliasesOf={(race) => [race.name]}
        detailOf={(race) => race.electionName}
        noun={{ one: 'race', many: 'races' }}
        placeholder="Type part of a race or place, e.g. Michigan House"
        required
      />
      {error ? <p className="field-error">{error}</p> : null}
    </>
  );
}
