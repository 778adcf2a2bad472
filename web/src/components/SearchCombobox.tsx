import {
  type KeyboardEvent,
  type ReactNode,
  useDeferredValue,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import './place-picker.css';

/** What a search gives the combobox: the options found so far and the way to the next page. */
export interface ComboboxSearch<T> {
  items: readonly T[];
  hasNextPage: boolean;
  isPending: boolean;
  isError: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

export interface SearchComboboxProps<T> {
  label: string;
  /** The chosen option, or null while nothing valid is chosen. */
  value: T | null;
  onChange: (option: T | null) => void;
  /** The server search for the typed text (a hook: called on every render, '' while closed). */
  useSearch: (query: string) => ComboboxSearch<T>;
  idOf: (option: T) => string;
  /** The option's text: shown in the field once chosen, and matched exactly on leaving it. */
  labelOf: (option: T) => string;
  /** Other names the option answers to exactly (a place's bare name). */
  aliasesOf?: (option: T) => readonly string[];
  /** Shown after the label in the list (a place's kind, a race's election). */
  detailOf?: (option: T) => ReactNode;
  /** What an option is called, one and many ("place", "places"). */
  noun: { one: string; many: string };
  placeholder: string;
  required?: boolean;
  /** A hint under the label. */
  hint?: string;
  className?: string;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A searchable picker (WAI-ARIA combobox with a listbox popup) over a server search that pages:
 * type part of a name, move with Up/Down, choose with Enter, close with Escape; a last option reads
 * the next page. Text that names no option is an error: the form will not submit it (custom validity).
 */
export function SearchCombobox<T>({
  label,
  value,
  onChange,
  useSearch,
  idOf,
  labelOf,
  aliasesOf,
  detailOf,
  noun,
  placeholder,
  required,
  hint,
  className,
}: SearchComboboxProps<T>) {
  const id = useId();
  const listId = `${id}-list`;
  const errorId = `${id}-error`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value ? labelOf(value) : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const query = useDeferredValue(text);
  const search = useSearch(open ? query : '');
  const options = search.items;
  const more = search.hasNextPage;
  const optionCount = options.length + (more ? 1 : 0);
  const valueLabel = value ? labelOf(value) : null;

  // A value set from outside (a saved form, a URL) shows its name.
  useEffect(() => {
    if (valueLabel !== null) setText(valueLabel);
  }, [valueLabel]);

  // The browser refuses to submit text that is not a chosen option.
  const pending = text.trim() !== '' && (valueLabel === null || !sameText(text, valueLabel));
  useEffect(() => {
    input.current?.setCustomValidity(error ?? (pending ? `Choose a ${noun.one} from the list.` : ''));
  }, [error, pending, noun.one]);

  const choose = (option: T) => {
    setText(labelOf(option));
    setOpen(false);
    setActive(-1);
    setError(null);
    onChange(option);
  };

  /** On leaving the field: keep a chosen option, take an exact match, or say what is wrong. */
  const settle = () => {
    setOpen(false);
    const typed = text.trim();
    if (typed === '') {
      setError(null);
      if (value) onChange(null);
      return;
    }
    if (valueLabel !== null && sameText(typed, valueLabel)) return;
    const exact = options.filter(
      (o) => sameText(labelOf(o), typed) || (aliasesOf?.(o) ?? []).some((alias) => sameText(alias, typed)),
    );
    if (exact.length === 1 && exact[0] !== undefined) {
      choose(exact[0]);
      return;
    }
    setError(
      exact.length > 1
        ? `Several ${noun.many} are called “${typed}”: choose one from the list.`
        : `No ${noun.one} called “${typed}”: choose one from the list.`,
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
        if (active < options.length) {
          const option = options[active];
          if (option !== undefined) choose(option);
        } else void search.fetchNextPage();
        break;
      case 'Escape':
        if (!open) break;
        event.preventDefault();
        setOpen(false);
        setActive(-1);
        if (valueLabel !== null) setText(valueLabel);
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
          : options.length === 0
            ? `No ${noun.one} matches “${query.trim()}”.`
            : `${options.length} ${options.length === 1 ? noun.one : noun.many} found${more ? ', more available' : ''}.`;
  const expanded = open && optionCount > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  return (
    <div className={`field place-picker${className ? ` ${className}` : ''}`}>
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
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
          setError(null);
          if (valueLabel !== null && !sameText(event.target.value, valueLabel)) onChange(null);
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
        aria-label={`Matching ${noun.many}`}
        className="place-options"
        hidden={!expanded}
      >
        {options.map((option, i) => (
          // Chosen on mousedown, before the input's blur would settle the typed text.
          <div
            key={idOf(option)}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            tabIndex={-1}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
          >
            {labelOf(option)}
            {detailOf ? <span className="muted"> · {detailOf(option)}</span> : null}
          </div>
        ))}
        {more ? (
          <div
            id={optionId(options.length)}
            role="option"
            aria-selected={active === options.length}
            className={`more${active === options.length ? ' active' : ''}`}
            tabIndex={-1}
            onMouseDown={(event) => {
              event.preventDefault();
              void search.fetchNextPage();
            }}
          >
            {search.isFetchingNextPage ? 'Loading more…' : `Show more ${noun.many}`}
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
