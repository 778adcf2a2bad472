import { type KeyboardEvent, useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { type JurisdictionKind, type PlaceView, usePlaceNames, usePlaceSearch } from '../api/map.ts';
import './place-picker.css';

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

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A searchable place picker (WAI-ARIA combobox with a listbox popup): type a name ("Wayne, MI"),
 * move with Up/Down, choose with Enter, close with Escape. Places show by name, never by code.
 * Text that names no place is an error: the form will not submit it (custom validity).
 */
export function PlacePicker({ label, value, onChange, kind, required, hint }: PlacePickerProps) {
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const query = useDeferredValue(text);
  const search = usePlaceSearch(open ? query : '', kind);
  const places = search.data?.pages.flatMap((page) => page.items) ?? [];
  const more = search.hasNextPage === true;
  const optionCount = places.length + (more ? 1 : 0);

  // A value set from outside (a saved form, a URL) shows its name.
  useEffect(() => {
    if (value) setText(value.label);
  }, [value]);

  // The browser refuses to submit text that is not a chosen place.
  const pending = text.trim() !== '' && (value === null || !sameText(text, value.label));
  useEffect(() => {
    input.current?.setCustomValidity(error ?? (pending ? 'Choose a place from the list.' : ''));
  }, [error, pending]);

  const choose = (place: PlaceView) => {
    setText(place.label);
    setOpen(false);
    setActive(-1);
    setError(null);
    onChange(place);
  };

  /** On leaving the field: keep a chosen place, take an exact match, or say what is wrong. */
  const settle = () => {
    setOpen(false);
    const typed = text.trim();
    if (typed === '') {
      setError(null);
      if (value) onChange(null);
      return;
    }
    if (value && sameText(typed, value.label)) return;
    const exact = places.filter((p) => sameText(p.label, typed) || sameText(p.name, typed));
    if (exact.length === 1 && exact[0]) {
      choose(exact[0]);
      return;
    }
    setError(
      exact.length > 1
        ? `Several places are called “${typed}”: choose one from the list.`
        : `No place called “${typed}”: choose one from the list.`,
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((i) => Math.min(i + 1, optionCount - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setActive((i) => Math.max(i - 1, 0));
        break;
      case 'Enter':
        if (!open || active < 0) break;
        event.preventDefault();
        if (active < places.length) {
          const place = places[active];
          if (place) choose(place);
        } else void search.fetchNextPage();
        break;
      case 'Escape':
        if (!open) break;
        event.preventDefault();
        setOpen(false);
        setActive(-1);
        if (value) setText(value.label);
        break;
    }
  };

  const status =
    !open || query.trim() === ''
      ? ''
      : search.isPending
        ? 'Searching…'
        : search.isError
          ? 'The search failed; try again.'
          : places.length === 0
            ? `No place matches “${query.trim()}”.`
            : `${places.length} place${places.length === 1 ? '' : 's'} found${more ? ', more available' : ''}.`;
  const expanded = open && optionCount > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  return (
    <div className="field place-picker">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="muted place-picker-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        required={required}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId : '', hint ? `${id}-hint` : ''].join(' ').trim() || undefined}
        placeholder="Type a name, e.g. Wayne, MI"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
          setError(null);
          if (value && !sameText(event.target.value, value.label)) onChange(null);
        }}
        onFocus={() => {
          if (text.trim() !== '' && !value) setOpen(true);
        }}
        onBlur={settle}
        onKeyDown={onKeyDown}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Matching places"
        className="place-options"
        hidden={!expanded}
      >
        {places.map((place, i) => (
          // Chosen on mousedown, before the input's blur would settle the typed text.
          <div
            key={place.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            tabIndex={-1}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(place);
            }}
          >
            {place.label}
            <span className="muted"> · {kindLabel(place.kind)}</span>
          </div>
        ))}
        {more ? (
          <div
            id={optionId(places.length)}
            role="option"
            aria-selected={active === places.length}
            className={`more${active === places.length ? ' active' : ''}`}
            tabIndex={-1}
            onMouseDown={(event) => {
              event.preventDefault();
              void search.fetchNextPage();
            }}
          >
            {search.isFetchingNextPage ? 'Loading more…' : 'Show more places'}
          </div>
        ) : null}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
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
