import type { Plank } from '../api/types.ts';

/** Charter or platform planks: a title and its text each. */
export function PlankList({
  planks,
  empty = 'No planks yet.',
}: {
  planks: readonly Plank[];
  empty?: string;
}) {
  if (planks.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="planks">
      {planks.map((plank) => (
        <li key={plank.title}>
          <h3>{plank.title}</h3>
          <p>{plank.text}</p>
        </li>
      ))}
    </ol>
  );
}
