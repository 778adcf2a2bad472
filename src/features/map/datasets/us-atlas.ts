import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** The us-atlas files Concord serves (ISC, © Mike Bostock; from the U.S. Census Bureau's shapes). */
export type AtlasFile = 'counties-10m' | 'states-10m' | 'counties-albers-10m' | 'states-albers-10m';

export type AtlasTopology = Topology<{
  counties?: GeometryCollection<{ name: string }>;
  states: GeometryCollection<{ name: string }>;
  nation: GeometryCollection;
}>;

const require = createRequire(import.meta.url);
const cache = new Map<AtlasFile, Promise<{ text: string; topology: AtlasTopology }>>();

/** Reads a us-atlas file once per process; the text is kept for fingerprints. */
export function readAtlas(file: AtlasFile): Promise<{ text: string; topology: AtlasTopology }> {
  let entry = cache.get(file);
  if (!entry) {
    entry = readFile(require.resolve(`us-atlas/${file}.json`), 'utf8').then((text) => ({
      text,
      topology: JSON.parse(text) as AtlasTopology,
    }));
    cache.set(file, entry);
  }
  return entry;
}

export interface AtlasUnit {
  id: string;
  name: string;
}

export const atlasUnits = (collection: GeometryCollection<{ name: string }> | undefined): AtlasUnit[] =>
  (collection?.geometries ?? []).flatMap((g) =>
    typeof g.id === 'string' ? [{ id: g.id, name: nameOf(g.properties) ?? g.id }] : [],
  );

export const nameOf = (properties: unknown): string | undefined =>
  typeof properties === 'object' &&
  properties !== null &&
  'name' in properties &&
  typeof properties.name === 'string'
    ? properties.name
    : undefined;

export const usAtlasVersion: string = (require('us-atlas/package.json') as { version: string }).version;
