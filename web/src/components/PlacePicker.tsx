import { useState } from 'react';
import { type JurisdictionKind, type PlaceView, usePlaceNames, usePlaceSearch } from '../api/map.ts';
import { type ComboboxSearch, SearchCombobox } from './SearchCombobox.tsx';

export interface PlacePickerProps {
  label: string;
  /** The chosen place, or null while nothing valid is chosen. */
  value: PlaceView | null;
  onChange: (place: PlaceView | null) => void;
  /** Only places of this kind (counties, states…). */
  kind?: JurisdictionKind;
  required?: boolean;
  /** A hint under the label ("a county or a state"). */
  hint?: string;
}

/**
 * A searchable place picker (components/SearchCombobox.tsx over the map's place search): type a
 * name ("Wayne, MI"); places show by name, never by code, and answer to their bare name too.
 */
export function PlacePicker({ label, value, onChange, kind, required, hint }: PlacePickerProps) {
  const useSearch = (query: string): ComboboxSearch<PlaceView> => {
    const search = usePlaceSearch(query, kind);
    return {
      items: search.data?.pages.flatMap((page) => page.items) ?? [],
      hasNextPage: search.hasNextPage === true,
      isPending: search.isPending,
      isError: search.isError,
      isFetchingNextPage: search.isFetchingNextPage,
      fetchNextPage: search.fetchNextPage,
    };
  };
  return (
    <SearchCombobox
      label={label}
      value={value}
      onChange={onChange}
      useSearch={useSearch}
      idOf={(place) => place.id}
      labelOf={(place) => place.label}
      aliasesOf={(place) => [place.name]}
      detailOf={(place) => kindLabel(place.kind)}
      noun={{ one: 'place', many: 'places' }}
      placeholder="Type a name, e.g. Wayne, MI"
      {...(required === undefined ? {} : { required })}
      {...(hint === undefined ? {} : { hint })}
    />
  );
}

const kinds: Record<string, string> = {
  nation: 'country',
  state: 'state',
  county: 'county',
  congressional_district: 'House district',
  state_legislative_district: 'legislative district',
  municipality: 'municipality',
  ward: 'ward',
  department: 'département',
  foreign_constituency: 'constituency',
};
const kindLabel = (kind: string) => kinds[kind] ?? kind;

/**
 * The picker for forms that store a place key (`county:26163`, `state:26`): shows the key's name
 * and hands back the chosen place's key ('' when cleared).
 */
export function PlaceKeyPicker({
  value,
  onChange,
  ...props
}: Omit<PlacePickerProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (key: string, place: PlaceView | null) => void;
}) {
  const names = usePlaceNames(value ? [value] : []);
  const known = value ? (names.byKey.get(value) ?? null) : null;
  const [chosen, setChosen] = useState<PlaceView | null>(null);
  const current = chosen && (chosen.key === value || chosen.key === known?.key) ? chosen : known;
  return (
    <PlacePicker
      {...props}
      value={current}
      onChange={(place) => {
        setChosen(place);
        onChange(place?.key ?? '', place);
      }}
    />
  );
}

/**
 * A list of places (a member's home jurisdictions), held as comma-separated keys: each shown by
 * name with a remove button, and a picker to add one.
 */
export function PlaceListPicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const keys = value
    .split(',')
    .map((key) => key.trim())
    .filter(Boolean);
  const names = usePlaceNames(keys);
  // A new picker after each choice: empty again, with no leftover text or error.
  const [round, setRound] = useState(0);
  return (
    <fieldset className="place-list">
      <legend>{label}</legend>
      {keys.length > 0 ? (
        <ul className="place-chips">
          {keys.map((key) => (
            <li key={key}>
              {names.nameOf(key)}{' '}
              <button
                type="button"
                className="secondary small"
                aria-label={`Remove ${names.nameOf(key)}`}
                onClick={() => onChange(keys.filter((k) => k !== key).join(', '))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None yet.</p>
      )}
      <PlacePicker
        key={round}
        label="Add a place"
        value={null}
        onChange={(place) => {
          if (!place) return;
          if (!keys.includes(place.key)) onChange([...keys, place.key].join(', '));
          setRound((n) => n + 1);
        }}
      />
    </fieldset>
  );
}
