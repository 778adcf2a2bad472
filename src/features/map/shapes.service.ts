import { createHash } from 'node:crypto';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import * as catalog from './catalog.repository.ts';
import { type AtlasFile, nameOf, readAtlas } from './datasets/us-atlas.ts';
import { stateByFips } from './datasets/us-states.ts';
import { twoPartyMargin } from './lean.ts';
import * as results from './results.repository.ts';
import { ShapeIndex, type ShapeProperties, type ShapeUnit } from './shape-figures.ts';
import * as repo from './shapes.repository.ts';
import type { Viewer } from './visibility.ts';

export interface ShapesRequest {
  level: 'state' | 'county';
  format: 'topojson' | 'geojson';
  /** A result set id or slug; defaults to the 2024 presidential result at that level. */
  set?: string | undefined;
  /** `albers`: us-atlas's pre-projected files (Alaska and Hawaii inset), ready to draw without d3-geo. */
  projection: 'none' | 'albers';
}

export interface ShapesResponse {
  etag: string;
  /** Public reference data may sit in shared caches; a coalition's own set must not. */
  cacheControl: string;
  contentType: string;
  body: () => string;
}

const defaultSet = { state: 'us-president-2024-state', county: 'us-president-2024-county' } as const;

/** Built bodies by ETag: the county TopoJSON is ~1 MB of JSON, worth building once. */
const bodies = new Map<string, string>();
const maxCachedBodies = 8;

/**
 * us-atlas states or counties with each shape's figures from a result set (lean, margin, D/R/total,
 * and the level the figures come from), as TopoJSON or GeoJSON.
 */
export async function usShapes(db: Db, viewer: Viewer, request: ShapesRequest): Promise<ShapesResponse> {
  const slug = request.set ?? defaultSet[request.level];
  const set = await catalog.findResultSet(db, viewer, slug);
  if (!set) throw notFound('map.result_set_not_found', `No result set "${slug}".`);
  const index = await shapeIndex(db, viewer, set);
  const file: AtlasFile = `${request.level === 'county' ? 'counties' : 'states'}${request.projection === 'albers' ? '-albers' : ''}-10m`;
  const { topology } = await readAtlas(file);
  const objectName = request.level === 'county' ? 'counties' : 'states';
  const collection = topology.objects[objectName] as GeometryCollection<{ name: string }>;
  const properties = collection.geometries.map((g) => {
    const id = String(g.id ?? '');
    const name = nameOf(g.properties) ?? id;
    const figures = request.level === 'county' ? index.county(id, name) : index.state(id, name);
    return { ...figures, state: stateByFips(id.slice(0, 2))?.usps ?? null };
  });
  const etag = `"${createHash('sha1')
    .update(JSON.stringify([file, request.format, set.id, properties]))
    .digest('base64url')}"`;
  const body = () => {
    const cached = bodies.get(etag);
    if (cached) return cached;
    const painted = {
      ...topology,
      objects: {
        ...topology.objects,
        [objectName]: {
          ...collection,
          geometries: collection.geometries.map((g, i) => ({ ...g, properties: properties[i] })),
        },
      },
    };
    const text = JSON.stringify(
      request.format === 'geojson'
        ? feature(painted, painted.objects[objectName] as GeometryCollection<ShapeProperties>)
        : { ...painted, resultSet: { id: set.id, slug: set.slug, name: set.name } },
    );
    if (bodies.size >= maxCachedBodies) bodies.delete(bodies.keys().next().value ?? '');
    bodies.set(etag, text);
    return text;
  };
  return {
    etag,
    cacheControl: set.coalition_id === null ? 'public, max-age=3600' : 'private, no-cache',
    contentType: request.format === 'geojson' ? 'application/geo+json' : 'application/json',
    body,
  };
}

async function shapeIndex(
  db: Db,
  viewer: Viewer,
  set: { id: string; slug: string; dataset_id: string | null },
): Promise<ShapeIndex> {
  const units = await results.listUnits(db, viewer, { by: 'set', setId: set.id });
  const votes = await results.listVotes(db, viewer, { by: 'set', setId: set.id });
  const partyVotes = new Map<string, { dem: number; rep: number }>();
  for (const v of votes) {
    const sums = partyVotes.get(v.jurisdiction_id) ?? { dem: 0, rep: 0 };
    if (v.party === 'DEM') sums.dem += v.votes;
    if (v.party === 'REP') sums.rep += v.votes;
    partyVotes.set(v.jurisdiction_id, sums);
  }
  const ancestors = await repo.ancestorsOf(
    db,
    units.filter((u) => u.kind !== 'state' && u.kind !== 'county').map((u) => u.jurisdiction_id),
  );
  const shapeUnits: ShapeUnit[] = units.map((u) => {
    const up = ancestors.get(u.jurisdiction_id) ?? [];
    const county = u.kind === 'county' ? u.code : up.find((a) => a.kind === 'county')?.code;
    const state =
      u.kind === 'state' ? u.code : (up.find((a) => a.kind === 'state')?.code ?? county?.slice(0, 2));
    const sums = partyVotes.get(u.jurisdiction_id) ?? { dem: 0, rep: 0 };
    return {
      kind: u.kind,
      code: u.code,
      stateFips: state ?? null,
      countyFips: u.kind === 'county' ? null : (county ?? null),
      totals: { ...sums, total: u.total_votes },
      publishedLean: u.published_lean,
    };
  });
  const whole = shapeUnits.reduce(
    (sum, u) => ({ dem: sum.dem + u.totals.dem, rep: sum.rep + u.totals.rep, total: null }),
    { dem: 0, rep: 0, total: null },
  );
  const notes = set.dataset_id ? await repo.coverageNotes(db, set.dataset_id, set.slug) : new Map();
  return new ShapeIndex(shapeUnits, twoPartyMargin(whole), notes);
}
