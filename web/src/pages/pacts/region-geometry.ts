import { geoIdentity, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { ShapeFigures, UsLevel, UsTopology } from '../../api/map.ts';
import { type MapGeometry, type MapPlace, mapSize } from '../../components/map/map-geometry.ts';

const margin = 12;

/**
 * The map's geometry cut down to the places of a pact (a state's counties, say) and scaled to fill
 * the map's frame: us-atlas's shapes are already projected, so an identity transform fitted to the
 * region zooms in without reprojecting. Null when no shape matches.
 */
export function buildRegionGeometry(
  topology: UsTopology,
  level: UsLevel,
  ids: ReadonlySet<string>,
): MapGeometry | null {
  const object = (level === 'counties' ? topology.objects.counties : undefined) ?? topology.objects.states;
  const region: GeometryCollection<ShapeFigures> = {
    ...object,
    geometries: object.geometries.filter((g) => ids.has(String(g.id ?? ''))),
  };
  if (region.geometries.length === 0) return null;
  const features = feature(topology, region);
  const fit = geoIdentity().fitExtent(
    [
      [margin, margin],
      [mapSize.width - margin, mapSize.height - margin],
    ],
    features,
  );
  const path = geoPath(fit);
  const places = features.features.map((f): MapPlace => {
    const [x, y] = path.centroid(f);
    return {
      id: String(f.id ?? ''),
      name: f.properties.name,
      figures: f.properties,
      path: path(f) ?? '',
      centroid: [Number.isFinite(x) ? x : 0, Number.isFinite(y) ? y : 0],
    };
  });
  return {
    places,
    stateBorders: '',
    outline: path(mesh(topology, region, (a, b) => a === b)) ?? '',
  };
}
