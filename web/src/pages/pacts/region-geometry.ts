import { geoAlbersUsa, geoArea, geoIdentity, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { ShapeFigures, UsDistricts, UsLevel, UsTopology } from '../../api/map.ts';
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

/**
 * A pact's House districts on their shapes (lon/lat GeoJSON), projected Albers USA and fitted to
 * the districts drawn. Null when none of the pact's races has a shape (single-seat states have no
 * district file).
 */
export function buildDistrictGeometry(districts: UsDistricts, ids: ReadonlySet<string>): MapGeometry | null {
  const drawn = {
    ...districts,
    features: districts.features.filter((f) => ids.has(String(f.id ?? ''))).map(forD3),
  };
  if (drawn.features.length === 0) return null;
  const projection = geoAlbersUsa().fitExtent(
    [
      [margin, margin],
      [mapSize.width - margin, mapSize.height - margin],
    ],
    drawn,
  );
  const path = geoPath(projection);
  const places = drawn.features.map((f): MapPlace => {
    const [x, y] = path.centroid(f);
    return {
      id: String(f.id ?? ''),
      name: f.properties.name,
      figures: {
        name: f.properties.name,
        state: f.properties.state,
        leanLevel: null,
        lean: null,
        margin: null,
        twoPartyDemShare: null,
        thirdShare: null,
        dem: null,
        rep: null,
        total: null,
        note: null,
      },
      path: path(f) ?? '',
      centroid: [Number.isFinite(x) ? x : 0, Number.isFinite(y) ? y : 0],
    };
  });
  return { places, stateBorders: '', outline: '' };
}

type DistrictFeature = UsDistricts['features'][number];

/**
 * d3-geo reads rings on the sphere: a ring wound counter-clockwise (GeoJSON's RFC 7946 order) is
 * everything *outside* it. A district larger than a hemisphere is such a ring: reverse its rings.
 */
function forD3(f: DistrictFeature): DistrictFeature {
  if (geoArea(f) <= 2 * Math.PI) return f;
  const geometry =
    f.geometry.type === 'Polygon'
      ? { ...f.geometry, coordinates: f.geometry.coordinates.map((ring) => [...ring].reverse()) }
      : {
          ...f.geometry,
          coordinates: f.geometry.coordinates.map((polygon) => polygon.map((ring) => [...ring].reverse())),
        };
  return { ...f, geometry };
}
