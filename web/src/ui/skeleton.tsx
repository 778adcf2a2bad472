import './skeleton.css';

/**
 * A placeholder in the shape of what is loading (lines of text, rows of a list), so the page does
 * not jump when it arrives. Screen readers hear the label once through the status role.
 */
export function Skeleton({ label = 'Loading', lines = 3 }: { label?: string; lines?: number }) {
  return (
    <div className="skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">{label}…</span>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the placeholder lines have nothing but their place.
        <span key={i} className="skeleton-line" aria-hidden="true" />
      ))}
    </div>
  );
}
