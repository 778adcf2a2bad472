import type { MapPlace } from './map-geometry.ts';

export interface MapFill {
  color: string;
  /** Drawn with diagonal hatching over the colour: the figure is not the place's own (or absent). */
  hatched: boolean;
}

export interface LegendItem {
  label: string;
  color: string;
  hatched?: boolean;
}

/**
 * How the map colours its places: by past lean now, by pact assignment later. The colour is never
 * the only signal: `describe` gives the numbers behind it (tooltip, accessible name).
 */
export interface MapColouring {
  /** The legend's heading, e.g. "Partisan lean". */
  title: string;
  legend: readonly LegendItem[];
  fill(place: MapPlace): MapFill;
  /** Lines under the place's name in the tooltip and its accessible name, most important first. */
  describe(place: MapPlace): string[];
}
