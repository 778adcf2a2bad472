import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { type FormEvent, useRef, useState } from 'react';
import { useConfirm } from '../../ui/dialog.tsx';
import { RankedItem } from './RankedItem.tsx';

export interface RankedBallotProps {
  options: readonly string[];
  /**
   * The ballot already cast, most preferred first; options not in it start unranked. With no ballot
   * every option starts unranked: a pre-filled order would cast the listed order for a delegate who
   * just presses the button.
   */
  initial?: readonly string[];
  pending: boolean;
  submitLabel: string;
  onSubmit: (ranking: string[]) => void;
}

const instructions =
  'To move an option with the keyboard, focus its handle and press Space or Enter to pick it up, ' +
  'the up and down arrow keys to move it, and Space or Enter to drop it; Escape cancels. ' +
  'The Move up and Move down buttons do the same one step at a time.';

/**
 * Orders the options by drag-and-drop (pointer, touch or keyboard, with @dnd-kit's screen-reader
 * announcements) or with move buttons. Options may be left unranked.
 */
export function RankedBallot({ options, initial = [], pending, submitLabel, onSubmit }: RankedBallotProps) {
  const [ranked, setRanked] = useState<string[]>(() => initial.filter((o) => options.includes(o)));
  const [message, setMessage] = useState('');
  const confirm = useConfirm();
  const unranked = options.filter((o) => !ranked.includes(o));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const rankOf = (id: unknown) => ranked.indexOf(String(id)) + 1;
  // The first "over" is the item itself, right after the pick-up: staying silent keeps the pick-up
  // announcement from being cut off.
  const moved = useRef(false);
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      moved.current = false;
      return `Picked up ${active.id}, rank ${rankOf(active.id)} of ${ranked.length}.`;
    },
    onDragOver: ({ active, over }) => {
      if (!over) return `${active.id} is outside the list.`;
      if (over.id === active.id && !moved.current) return undefined;
      moved.current = true;
      return `${active.id} would take rank ${rankOf(over.id)}.`;
    },
    onDragEnd: ({ active, over }) =>
      over ? `${active.id} dropped at rank ${rankOf(over.id)}.` : `${active.id} dropped; order unchanged.`,
    onDragCancel: ({ active }) => `Moving ${active.id} cancelled; order unchanged.`,
  };

  const move = (name: string, to: number) => {
    const from = ranked.indexOf(name);
    if (from < 0 || to < 0 || to >= ranked.length) return;
    setRanked(arrayMove(ranked, from, to));
    setMessage(`${name} moved to rank ${to + 1} of ${ranked.length}.`);
  };
  const handleDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) {
      setRanked(arrayMove(ranked, ranked.indexOf(String(active.id)), ranked.indexOf(String(over.id))));
    }
  };
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // An empty ranking is more often a slip than a choice: ask before casting it.
    const sure =
      ranked.length > 0 ||
      (await confirm({
        title: 'Cast a blank ballot?',
        body: 'Your organization would count as voting but rank no option. To rank options, press "Rank" beside them first.',
        confirmLabel: 'Yes, cast a blank ballot',
        cancelLabel: 'Keep ranking',
      }));
    if (sure) onSubmit(ranked);
  };

  return (
    <form onSubmit={handleSubmit} className="stack-form" aria-describedby="ranked-instructions">
      <p id="ranked-instructions" className="muted">
        Rank the options you support, most preferred first: press "Rank" on an option to add it at the end of
        your ranking. {instructions}
      </p>
      {ranked.length === 0 ? <p className="empty-note">Nothing ranked yet.</p> : null}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={handleDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: instructions } }}
      >
        <SortableContext items={ranked} strategy={verticalListSortingStrategy}>
          <ol className="ranked-list" aria-label="Your ranking">
            {ranked.map((name, i) => (
              <RankedItem
                key={name}
                name={name}
                rank={i + 1}
                count={ranked.length}
                onMove={(to) => move(name, to - 1)}
                onUnrank={() => {
                  setRanked(ranked.filter((r) => r !== name));
                  setMessage(`${name} left unranked.`);
                }}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {unranked.length > 0 ? (
        <div>
          <h3>Unranked</h3>
          <ul className="card-list">
            {unranked.map((name) => (
              <li key={name}>
                {name}{' '}
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => {
                    setRanked([...ranked, name]);
                    setMessage(`${name} ranked last, at ${ranked.length + 1}.`);
                  }}
                >
                  Rank {name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Casting…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
