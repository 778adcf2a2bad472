import { useId } from 'react';
import type { LegendItem } from './colouring.ts';
import './map.css';

/** Diagonal lines: the mark for "not this place's own figure" on the map and in its legend. */
export function HatchPattern({ id }: { id: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={5} height={5} patternTransform="rotate(45)">
      <line x1={0} y1={0} x2={0} y2={5} stroke="#3d434a" strokeWidth={1.6} />
    </pattern>
  );
}

/** An id usable in `url(#…)` references (React's own ids carry characters SVG does not take). */
export function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^\w-]/g, '')}`;
}

/** The colour key, as a list a screen reader reads like any other. */
export function MapLegend({ title, items }: { title: string; items: readonly LegendItem[] }) {
  const hatch = useSvgId('legend-hatch');
  return (
    <div className="map-legend">
      <p className="map-legend-title">{title}</p>
      <ul>
        {items.map((item) => (
          <li key={item.label}>
            <svg width={22} height={14} aria-hidden="true" focusable="false">
              <defs>
                <HatchPattern id={hatch} />
              </defs>
              <rect width={22} height={14} fill={item.color} stroke="#8c959f" />
              {item.hatched ? <rect width={22} height={14} fill={`url(#${hatch})`} /> : null}
            </svg>
            {item.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
