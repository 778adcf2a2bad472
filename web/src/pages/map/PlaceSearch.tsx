import { useState } from 'react';
import type { PlaceView } from '../../api/map.ts';
import type { MapPlace } from '../../components/map/map-geometry.ts';
import { PlacePicker } from '../../components/PlacePicker.tsx';

/**
 * Finds a place on the map by name through the map search ("Wayne County", "Wayne, MI", "way"):
 * the way to the map's small counties without a mouse, and without stepping through thousands of
 * shapes with the arrow keys. The chosen place's shape is selected by its FIPS code.
 */
export function PlaceSearch({
  places,
  noun,
  onPick,
}: {
  places: readonly MapPlace[];
  noun: 'county' | 'state';
  onPick: (place: MapPlace) => void;
}) {
  const [chosen, setChosen] = useState<PlaceView | null>(null);
  return (
    <div className="place-search">
      <PlacePicker
        label={`Find a ${noun}`}
        kind={noun}
        value={chosen}
        onChange={(place) => {
          setChosen(place);
          const shape = place ? places.find((p) => p.id === place.code) : undefined;
          if (shape) onPick(shape);
        }}
      />
    </div>
  );
}
