import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { MouseEvent } from 'react';

interface RankedItemProps {
  name: string;
  rank: number;
  count: number;
  /** Moves the option to this rank (1-based). */
  onMove: (rank: number) => void;
  onUnrank: () => void;
}

/** One ranked option: a drag handle (pointer or keyboard) and buttons for one step at a time. */
export function RankedItem({ name, rank, count, onMove, onUnrank }: RankedItemProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: name });
  // aria-disabled rather than disabled, and focus kept on the button: a keyboard user pressing
  // "Move up" repeatedly must not lose focus when the row moves or reaches the top.
  const handleStep = (event: MouseEvent<HTMLButtonElement>, to: number) => {
    if (to < 1 || to > count) return;
    const button = event.currentTarget;
    onMove(to);
    requestAnimationFrame(() => button.focus());
  };
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`ranked-item${isDragging ? ' dragging' : ''}`}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="drag-handle small"
        {...attributes}
        {...listeners}
        aria-label={`Drag ${name}, rank ${rank}`}
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <span className="rank">{rank}.</span>
      <span className="name">{name}</span>
      <button
        type="button"
        className="secondary small"
        aria-disabled={rank === 1}
        onClick={(event) => handleStep(event, rank - 1)}
        aria-label={`Move ${name} up`}
      >
        ↑
      </button>
      <button
        type="button"
        className="secondary small"
        aria-disabled={rank === count}
        onClick={(event) => handleStep(event, rank + 1)}
        aria-label={`Move ${name} down`}
      >
        ↓
      </button>
      <button
        type="button"
        className="secondary small"
        onClick={onUnrank}
        aria-label={`Leave ${name} unranked`}
      >
        ✕
      </button>
    </li>
  );
}
