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

interface LevelShapes {
  outlines: Map<string, { path: string; centroid: readonly [number, number] }>;
  stateBorders: string;
  outline: string;
}

/**
 * us-atlas's outlines never change between result sets, only the figures on them: the paths of a
 * level are computed once, and switching sets only reads the new figures.
 */
const shapesByLevel = new Map<UsLevel, LevelShapes>();

function levelShapes(topology: UsTopology, object: GeometryCollection<ShapeFigures>, level: UsLevel) {
  const known = shapesByLevel.get(level);
  if (known) return known;
  const path = geoPath();
  const outlines = new Map(
    feature(topology, object).features.map((f) => {
      const [x, y] = path.centroid(f);
      const centroid = [Number.isFinite(x) ? x : 0, Number.isFinite(y) ? y : 0] as const;
      return [String(f.id ?? ''), { path: path(f) ?? '', centroid }];
    }),
  );
  const shapes: LevelShapes = {
    outlines,
    stateBorders: path(mesh(topology, topology.objects.states, (a, b) => a !== b)) ?? '',
    outline: path(mesh(topology, topology.objects.nation)) ?? '',
  };
  shapesByLevel.set(level, shapes);
  return shapes;
}

/**
 * Every shape of a level with its figures. The topology is already projected (Alaska and Hawaii
 * inset), so d3-geo draws it without a projection.
 */
export function buildGeometry(topology: UsTopology, level: UsLevel): MapGeometry {
  const object = (level === 'counties' ? topology.objects.counties : undefined) ?? topology.objects.states;
  const shapes = levelShapes(topology, object, level);
  const places = object.geometries.flatMap((g): MapPlace[] => {
    const id = String(g.id ?? '');
    const outline = shapes.outlines.get(id);
    const figures = g.properties;
    if (!outline || !figures || !('name' in figures)) return [];
    return [{ id, name: figures.name, figures, ...outline }];
  });
  return { places, stateBorders: shapes.stateBorders, outline: shapes.outline };
}

/** Counties have 5-digit FIPS codes, states 2. */
export const isCounty = (place: Pick<MapPlace, 'id'>) => place.id.length > 2;

/** "San Francisco, CA" for a county, "California" for a state. */
export function placeLabel(place: Pick<MapPlace, 'id' | 'name' | 'figures'>): string {
  return isCounty(place) && place.figures.state ? `${place.name}, ${place.figures.state}` : place.name;
}
