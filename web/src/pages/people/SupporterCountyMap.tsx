import { useMemo, useState } from 'react';
import { useUsShapes } from '../../api/map.ts';
import type { Aggregates } from '../../api/people.ts';
import type { MapColouring } from '../../components/map/colouring.ts';
import { MapLegend } from '../../components/map/MapLegend.tsx';
import { buildGeometry } from '../../components/map/map-geometry.ts';
import { UsMap } from '../../components/map/UsMap.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';

const shades = ['#deebf7', '#9ecae1', '#4292c6', '#08519c'] as const;
const none = '#f4f4f4';

/** Supporters per county across all members: counts under 10 are drawn hatched and read "<10". */
function countyColouring(byCounty: Aggregates['byCounty']): MapColouring {
  const counts = new Map(byCounty.map((c) => [c.countyFips, c.count]));
  const numeric = byCounty.map((c) => (typeof c.count === 'number' ? c.count : 0));
  const top = Math.max(10, ...numeric);
  const shade = (n: number) =>
    shades[Math.min(shades.length - 1, Math.floor((Math.log10(n) / Math.log10(top + 1)) * shades.length))] ??
    shades[0];
  return {
    title: 'Supporters per county',
    legend: [
      { label: 'none', color: none },
      { label: 'fewer than 10', color: shades[0], hatched: true },
      { label: `10 to ${top}`, color: shades[3] },
    ],
    fill(place) {
      const count = counts.get(place.id);
      if (count === undefined) return { color: none, hatched: false };
      return count === '<10' ? { color: shades[0], hatched: true } : { color: shade(count), hatched: false };
    },
    describe(place) {
      const count = counts.get(place.id);
      return [count === undefined ? 'no supporters' : `${count} supporters`];
    },
  };
}

export function SupporterCountyMap({ byCounty }: { byCounty: Aggregates['byCounty'] }) {
  const shapes = useUsShapes('counties', '');
  const geometry = useMemo(
    () => (shapes.data ? buildGeometry(shapes.data, 'counties') : null),
    [shapes.data],
  );
  const colouring = useMemo(() => countyColouring(byCounty), [byCounty]);
  const [selected, setSelected] = useState<string | null>(null);
  if (shapes.isPending) return <Loading label="Loading the map" />;
  if (shapes.isError) return <ErrorMessage error={shapes.error} />;
  if (!geometry) return null;
  return (
    <div className="map-width">
      <UsMap
        geometry={geometry}
        colouring={colouring}
        label="Map of supporters per county, all members together"
        selectedId={selected}
        onSelect={(place) => setSelected(place.id)}
      />
      <MapLegend title={colouring.title} items={colouring.legend} />
    </div>
  );
}
