import { geoArea } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { feature as topojsonFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { type JurisdictionKey, jurisdictionKey, parseJurisdictionKey } from '../datasets/bundle.ts';
import { isJurisdictionKind, type JurisdictionKind, jurisdictionKinds } from '../kinds.ts';
import type { Problems } from './problems.ts';

/**
 * A coalition's districts as GeoJSON (a FeatureCollection) or TopoJSON (a Topology; one object,
 * or the one named). Each feature needs a code and a name (properties `code` and `name` unless
 * told otherwise) and a Polygon or MultiPolygon in longitude/latitude.
 */
export interface DistrictOptions {
  /** Kind of every district, unless a feature has a `kind` property. */
  kind?: string | undefined;
  codeProperty?: string | undefined;
  nameProperty?: string | undefined;
  /** `kind:code` of the parent of every district (e.g. `state:06`), unless a feature has `parent`. */
  parent?: string | undefined;
  /** The TopoJSON object to read. */
  object?: string | undefined;
}

export interface ParsedDistrict {
  row: number;
  key: JurisdictionKey;
  kind: JurisdictionKind;
  code: string;
  name: string;
  parent: JurisdictionKey | null;
  geometry: Polygon | MultiPolygon;
  /** Rings were wound the other way round (RFC 7946 order): reversed for d3 and us-atlas. */
  rewound: boolean;
}

/** Kinds a district import may create: anything but a nation. */
const districtKinds = new Set<JurisdictionKind>(jurisdictionKinds.filter((kind) => kind !== 'nation'));

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function features(data: unknown, options: DistrictOptions, problems: Problems): unknown[] {
  if (!isObject(data)) {
    problems.add(null, null, 'expected a GeoJSON FeatureCollection or a TopoJSON Topology');
    return [];
  }
  if (data.type === 'FeatureCollection') {
    if (Array.isArray(data.features)) return data.features;
    problems.add(null, 'features', 'a FeatureCollection needs a features array');
    return [];
  }
  if (data.type === 'Topology' && isObject(data.objects) && Array.isArray(data.arcs)) {
    const names = Object.keys(data.objects);
    const name = options.object ?? (names.length === 1 ? names[0] : undefined);
    if (!name || !data.objects[name]) {
      problems.add(
        null,
        'object',
        `name the TopoJSON object to read (it has: ${names.join(', ') || 'none'})`,
      );
      return [];
    }
    try {
      const converted: unknown = topojsonFeature(data as unknown as Topology, name);
      if (isObject(converted) && Array.isArray(converted.features)) return converted.features;
      return [converted];
    } catch (error) {
      problems.add(null, 'object', `could not read TopoJSON object "${name}": ${String(error)}`);
      return [];
    }
  }
  problems.add(null, 'type', 'expected "type": "FeatureCollection" or "Topology"');
  return [];
}

function checkRing(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring needs at least 4 positions';
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2) return 'a position is not [longitude, latitude]';
    const [lon, lat] = position;
    if (
      typeof lon !== 'number' ||
      typeof lat !== 'number' ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat)
    ) {
      return 'a coordinate is not a number';
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      return `coordinate [${lon}, ${lat}] is outside longitude/latitude: reproject to WGS 84 first`;
    }
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1])
    return 'a ring is not closed (its first and last positions differ)';
  return null;
}

function checkGeometry(geometry: unknown): string | null {
  if (!isObject(geometry)) return 'the feature has no geometry';
  if (geometry.type === 'Polygon') {
    if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0) return 'empty Polygon';
    for (const ring of geometry.coordinates) {
      const problem = checkRing(ring);
      if (problem) return problem;
    }
    return null;
  }
  if (geometry.type === 'MultiPolygon') {
    if (!Array.isArray(geometry.coordinates) || geometry.coordinates.length === 0)
      return 'empty MultiPolygon';
    for (const polygon of geometry.coordinates) {
      if (!Array.isArray(polygon) || polygon.length === 0) return 'empty polygon in MultiPolygon';
      for (const ring of polygon) {
        const problem = checkRing(ring);
        if (problem) return problem;
      }
    }
    return null;
  }
  return `geometry type ${String(geometry.type)}: expected Polygon or MultiPolygon`;
}

/**
 * d3-geo (and us-atlas) wind exterior rings clockwise; RFC 7946 GeoJSON winds them the other way,
 * which d3 reads as "the whole globe except this district". A shape larger than a hemisphere is
 * wound the wrong way round: reverse its rings.
 */
function windForD3(geometry: Polygon | MultiPolygon): { geometry: Polygon | MultiPolygon; rewound: boolean } {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let rewound = false;
  const fixed = polygons.map((rings) => {
    if (geoArea({ type: 'Polygon', coordinates: rings }) <= 2 * Math.PI) return rings;
    rewound = true;
    return rings.map((ring) => [...ring].reverse());
  });
  return {
    geometry:
      geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: fixed[0] ?? [] }
        : { type: 'MultiPolygon', coordinates: fixed },
    rewound,
  };
}

/**
 * The districts of a GeoJSON or TopoJSON document: its text (CLI), or the value already parsed
 * (the API, whose JSON body Fastify parsed: parsing it twice would hold the upload three times).
 */
export function parseDistricts(
  document: { text: string } | { json: unknown },
  options: DistrictOptions,
  problems: Problems,
): ParsedDistrict[] {
  let data: unknown;
  if ('json' in document) data = document.json;
  else {
    try {
      data = JSON.parse(document.text);
    } catch (error) {
      problems.add(null, null, `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }
  if (options.kind && !isJurisdictionKind(options.kind))
    problems.add(null, 'kind', `unknown kind "${options.kind}"`);
  const defaultParent = options.parent ? parseJurisdictionKey(options.parent) : null;
  if (options.parent && !defaultParent) problems.add(null, 'parent', 'expected kind:code, e.g. state:06');
  const codeProperty = options.codeProperty ?? 'code';
  const nameProperty = options.nameProperty ?? 'name';
  const seen = new Map<string, number>();
  const districts: ParsedDistrict[] = [];
  features(data, options, problems).forEach((candidate, index) => {
    const row = index + 1;
    const item = candidate as Partial<Feature>;
    const properties = isObject(item?.properties) ? item.properties : {};
    const codeValue = properties[codeProperty];
    const code =
      typeof codeValue === 'number'
        ? String(codeValue)
        : typeof codeValue === 'string'
          ? codeValue.trim()
          : '';
    const nameValue = properties[nameProperty];
    const name = typeof nameValue === 'string' ? nameValue.trim() : '';
    const kindText = typeof properties.kind === 'string' ? properties.kind : options.kind;
    const parentText = typeof properties.parent === 'string' ? properties.parent : undefined;
    const parent = parentText ? parseJurisdictionKey(parentText) : defaultParent;
    const before = problems.count;
    if (!code || code.length > 40)
      problems.add(row, `properties.${codeProperty}`, 'expected a code of 1 to 40 characters');
    if (!name || name.length > 200)
      problems.add(row, `properties.${nameProperty}`, 'expected a name of 1 to 200 characters');
    if (!kindText) problems.add(row, 'properties.kind', 'no kind: give --kind or a kind property');
    else if (!isJurisdictionKind(kindText) || !districtKinds.has(kindText)) {
      problems.add(row, 'properties.kind', `kind "${kindText}" cannot be imported as a district`);
    }
    if (parentText && !parent) problems.add(row, 'properties.parent', 'expected kind:code, e.g. state:06');
    const geometryProblem = checkGeometry(item?.geometry);
    if (geometryProblem) problems.add(row, 'geometry', geometryProblem);
    if (problems.count > before || !kindText || !isJurisdictionKind(kindText)) return;
    const key = jurisdictionKey(kindText, code);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.add(row, `properties.${codeProperty}`, `${key} already appears as feature ${earlier}`);
      return;
    }
    seen.set(key, row);
    const { geometry, rewound } = windForD3(item.geometry as Polygon | MultiPolygon);
    districts.push({ row, key, kind: kindText, code, name, parent, geometry, rewound });
  });
  if (districts.length === 0 && problems.count === 0) problems.add(null, null, 'no features to import');
  return districts;
}
