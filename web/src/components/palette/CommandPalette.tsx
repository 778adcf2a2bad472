import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { workspaceContract } from '../../../../src/features/workspace/workspace.contract.ts';
import { call } from '../../api/client.ts';
import { kindLabels, moveActive, type PalettePage, paletteItems } from './palette-items.ts';
import './palette.css';

/** How long typing pauses before the server is asked, so each key does not cost a request. */
const debounceMs = 150;

function useDebounced(value: string): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), debounceMs);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

/**
 * The command palette (Ctrl-K / Cmd-K): a modal dialog holding a combobox and its listbox. The
 * browser's modal <dialog> keeps focus inside and closes on Escape; the input keeps focus while the
 * arrow keys move the active option (aria-activedescendant), and Enter opens it.
 */
export function CommandPalette({ pages, onClose }: { pages: readonly PalettePage[]; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const settled = useDebounced(query.trim());
  const search = useQuery({
    queryKey: ['search', settled],
    queryFn: () => call(workspaceContract.search, { query: { q: settled, limit: 5 } }),
    enabled: settled.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const hits = settled.length > 0 ? (search.data?.hits ?? []) : [];
  const items = useMemo(() => paletteItems(query, pages, hits), [query, pages, hits]);
  const listId = useId();
  const titleId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  // A new list starts at its first row.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list change is the trigger
  useEffect(() => setActive(0), [items.length, settled]);

  const open = (index: number) => {
    const item = items[index];
    if (!item) return;
    onClose();
    navigate(item.path);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const next = moveActive(event.key, active, items.length);
    if (next !== null) {
      event.preventDefault();
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(active);
    }
  };

  const searching = settled !== query.trim() || search.isFetching;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes a modal dialog natively; the click is the backdrop's
    <dialog
      ref={dialog}
      className="palette"
      aria-labelledby={titleId}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === dialog.current) dialog.current?.close();
      }}
    >
      <div className="palette-box">
        <h2 id={titleId} className="visually-hidden">
          Jump to
        </h2>
        <input
          className="palette-input"
          type="text"
          role="combobox"
          aria-label="Jump to a page, member, decision, pact, candidate, drive or place"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items.length > 0 ? optionId(active) : undefined}
          placeholder="Jump to… (members, decisions, pacts, places)"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={handleKeyDown}
        />
        <div id={listId} role="listbox" aria-label="Results" className="palette-list">
          {items.map((item, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (aria-activedescendant)
            <div
              key={item.key}
              id={optionId(index)}
              role="option"
              tabIndex={-1}
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseMove={() => setActive(index)}
              onClick={() => open(index)}
            >
              <span className="palette-kind">{kindLabels[item.kind]}</span>
              <span className="palette-label">{item.label}</span>
              {item.detail ? <span className="palette-detail">{item.detail}</span> : null}
            </div>
          ))}
        </div>
        <p className="palette-status" aria-live="polite">
          {search.isError
            ? 'The search failed; pages are still listed.'
            : searching && query.trim()
              ? 'Searching…'
              : query.trim() && items.length === 0
                ? `Nothing matches “${query.trim()}”.`
                : `${items.length} result${items.length === 1 ? '' : 's'} · ↑↓ to move, Enter to open, Esc to close`}
        </p>
      </div>
    </dialog>
  );
}
