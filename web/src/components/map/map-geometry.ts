import { geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { ShapeFigures, UsLevel, UsTopology } from '../../api/map.ts';

/** us-atlas's Albers files are drawn for a 975 × 610 frame. */
export const mapSize = { width: 975, height: 610 } as const;

/** One state or county as the map draws it: its FIPS id, its figures and its outline. */
export interface MapPlace {
  /** FIPS code: `06` for a state, `06075` for a county. */
  id: string;
  name: string;
  figures: ShapeFigures;
  /** SVG path data in the map's frame. */
  path: string;
  /** Where the keyboard's arrow keys measure from. */
  centroid: readonly [number, number];
}

export interface MapGeometry {
  places: MapPlace[];
  /** Lines between states (drawn over counties, so state borders stay readable). */
  stateBorders: string;
  /** The nation's outline. */
  outline: string;
}

/**
 * Paths for every shape of a level. The topology is already projected (Alaska and Hawaii inset),
 * so d3-geo draws it without a projection.
 */
export function buildGeometry(topology: UsTopology, level: UsLevel): MapGeometry {
  const path = geoPath();
  const object = (level === 'counties' ? topology.objects.counties : undefined) ?? topology.objects.states;
  const places = feature(topology, object).features.map((f): MapPlace => {
    const figures = f.properties;
    const [x, y] = path.centroid(f);
    return {
      id: String(f.id ?? ''),
      name: figures.name,
      figures,
      path: path(f) ?? '',
      centroid: [Number.isFinite(x) ? x : 0, Number.isFinite(y) ? y : 0],
    };
  });
  const states = topology.objects.states as GeometryCollection<ShapeFigures>;
  return {
    places,
    stateBorders: path(mesh(topology, states, (a, b) => a !== b)) ?? '',
    outline: path(mesh(topology, topology.objects.nation)) ?? '',
  };
}

/** "San Francisco, CA" for a county, "California" for a state. */
export function placeLabel(place: Pick<MapPlace, 'id' | 'name' | 'figures'>): string {
  return place.id.length > 2 && place.figures.state ? `${place.name}, ${place.figures.state}` : place.name;
}
