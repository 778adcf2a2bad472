import {
  type FocusEvent,
  type KeyboardEvent,
  memo,
  type PointerEvent,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { MapColouring, MapFill } from './colouring.ts';
import { HatchPattern, useSvgId } from './MapLegend.tsx';
import { MapTooltip, type TooltipAt } from './MapTooltip.tsx';
import { type MapGeometry, type MapPlace, mapSize, placeLabel } from './map-geometry.ts';
import { arrowDirections, nearestInDirection } from './nearest-place.ts';
import './map.css';

interface UsMapProps {
  geometry: MapGeometry;
  colouring: MapColouring;
  /** The map's accessible name, e.g. "US counties, President 2024". */
  label: string;
  selectedId: string | null;
  onSelect: (place: MapPlace) => void;
}

const indexOf = (target: EventTarget | null): number => {
  const value = target instanceof Element ? target.getAttribute('data-index') : null;
  return value === null ? -1 : Number(value);
};

/**
 * States or counties in SVG, coloured by a `colouring` given by the page (lean now, pact
 * assignment later). Hover or keyboard focus shows a tooltip; click, Enter or Space selects.
 * One place at a time is in the tab order (a roving tab stop): Tab enters and leaves the map,
 * the arrow keys move to the nearest place in that direction.
 */
export function UsMap({ geometry, colouring, label, selectedId, onSelect }: UsMapProps) {
  const frame = useRef<HTMLDivElement>(null);
  const hatchId = useSvgId('map-hatch');
  const { places } = geometry;
  const fills = useMemo(() => places.map((p) => colouring.fill(p)), [places, colouring]);
  const names = useMemo(
    () => places.map((p) => [placeLabel(p), ...colouring.describe(p)].join('. ')),
    [places, colouring],
  );
  const selectedIndex = selectedId === null ? -1 : places.findIndex((p) => p.id === selectedId);
  const [tabStop, setTabStop] = useState(0);
  const [tooltip, setTooltip] = useState<TooltipAt | null>(null);

  // A place chosen elsewhere (search, address) becomes the tab stop, so Tab lands on it.
  useEffect(() => {
    if (selectedIndex >= 0) setTabStop(selectedIndex);
  }, [selectedIndex]);
  useEffect(() => {
    setTabStop((i) => (i < places.length ? i : 0));
    setTooltip(null);
  }, [places]);

  const frameOffset = () => frame.current?.getBoundingClientRect() ?? new DOMRect();

  const handlePointerMove = (event: PointerEvent) => {
    const index = indexOf(event.target);
    if (index < 0) return setTooltip(null);
    const box = frameOffset();
    setTooltip({ index, x: event.clientX - box.left, y: event.clientY - box.top });
  };
  const handleFocus = (event: FocusEvent) => {
    const index = indexOf(event.target);
    if (index < 0 || !(event.target instanceof Element)) return;
    setTabStop(index);
    const box = frameOffset();
    const shape = event.target.getBoundingClientRect();
    setTooltip({ index, x: shape.right - box.left, y: shape.top + shape.height / 2 - box.top });
  };
  const handleKeyDown = (event: KeyboardEvent) => {
    const index = indexOf(event.target);
    const place = places[index];
    const direction = arrowDirections[event.key];
    if (!place) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(place);
    } else if (event.key === 'Escape') {
      setTooltip(null);
    } else if (direction) {
      event.preventDefault();
      const next = nearestInDirection(
        places.map((p) => p.centroid),
        index,
        direction,
      );
      if (next >= 0) frame.current?.querySelector<SVGPathElement>(`[data-index="${next}"]`)?.focus();
    }
  };

  const active = tooltip ? places[tooltip.index] : undefined;
  const selected = places[selectedIndex];
  return (
    <div className="map-frame" ref={frame}>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of SVG shapes; a fieldset cannot hold them. */}
      <svg
        viewBox={`0 0 ${mapSize.width} ${mapSize.height}`}
        className="us-map"
        role="group"
        aria-label={label}
      >
        <defs>
          <HatchPattern id={hatchId} />
        </defs>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: events delegated from the focusable places inside. */}
        <g
          onPointerMove={handlePointerMove}
          onPointerLeave={() => setTooltip(null)}
          onFocus={handleFocus}
          onBlur={() => setTooltip(null)}
          onKeyDown={handleKeyDown}
          onClick={(event) => {
            const place = places[indexOf(event.target)];
            if (place) onSelect(place);
          }}
        >
          <PlacePaths places={places} fills={fills} names={names} tabStop={tabStop} hatchId={hatchId} />
        </g>
        <path d={geometry.stateBorders} className="map-state-borders" />
        <path d={geometry.outline} className="map-outline" />
        {selected ? <path d={selected.path} className="map-selected" /> : null}
        {active && active !== selected ? <path d={active.path} className="map-active" /> : null}
      </svg>
      {tooltip && active ? (
        <MapTooltip at={tooltip} title={placeLabel(active)} lines={colouring.describe(active)} />
      ) : null}
    </div>
  );
}

interface PlacePathsProps {
  places: readonly MapPlace[];
  fills: readonly MapFill[];
  names: readonly string[];
  tabStop: number;
  hatchId: string;
}

/** The thousands of shapes, memoized: hovering re-renders the tooltip, not them. */
const PlacePaths = memo(function PlacePaths({ places, fills, names, tabStop, hatchId }: PlacePathsProps) {
  return (
    <>
      {places.map((place, i) => (
        // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it acts as one.
        <path
          key={place.id}
          d={place.path}
          fill={fills[i]?.color}
          className="map-place"
          data-index={i}
          data-id={place.id}
          role="button"
          tabIndex={i === tabStop ? 0 : -1}
          aria-label={names[i]}
        />
      ))}
      {places.map((place, i) =>
        fills[i]?.hatched ? (
          <path key={place.id} d={place.path} fill={`url(#${hatchId})`} className="map-hatch" />
        ) : null,
      )}
    </>
  );
});
