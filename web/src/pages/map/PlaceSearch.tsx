import { useDeferredValue, useId, useState } from 'react';
import { foldText } from '../../components/fold-text.ts';
import { type MapPlace, placeLabel } from '../../components/map/map-geometry.ts';

const maxShown = 8;

/**
 * Finds a place by name ("san fran", "dona ana, nm"): the way to the map's small counties without
 * a mouse, and without stepping through thousands of shapes with the arrow keys.
 */
export function PlaceSearch({
  places,
  noun,
  onPick,
}: {
  places: readonly MapPlace[];
  noun: string;
  onPick: (place: MapPlace) => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const q = foldText(useDeferredValue(query).trim());
  const matches = q ? places.filter((p) => foldText(placeLabel(p)).includes(q)) : [];
  return (
    <div className="place-search">
      <div className="field">
        <label htmlFor={id}>Find a {noun}</label>
        <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {q ? (
        <>
          <p className="muted" role="status" aria-live="polite">
            {matches.length === 0
              ? `No ${noun} matches`
              : `${matches.length} match${matches.length === 1 ? '' : 'es'}${matches.length > maxShown ? `, first ${maxShown} shown` : ''}`}
          </p>
          <ul className="place-matches">
            {matches.slice(0, maxShown).map((place) => (
              <li key={place.id}>
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => {
                    setQuery('');
                    onPick(place);
                  }}
                >
                  {placeLabel(place)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
