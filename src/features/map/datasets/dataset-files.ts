import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { invalid } from '../../../core/errors.ts';
import type { Bundle } from './bundle.ts';
import { reconcile } from './reconcile.ts';
import { type DatasetDefinition, datasets } from './registry.ts';
import { type AtlasFile, readAtlas } from './us-atlas.ts';

/**
 * Bump when a parser's output changes for the same files: every dataset's fingerprint changes with
 * it, so the next `concord data load` reloads them all.
 */
export const loaderVersion = 'map-loader-1';

/** The shipped data folder: data/ at the repository root. */
export const dataDir = fileURLToPath(new URL('../../../../data/', import.meta.url));

export interface PreparedDataset {
  definition: DatasetDefinition;
  /** sha256 of the loader version, the dataset id and its files: unchanged means nothing to load. */
  fingerprint: string;
  /** Parses on first call (a load that finds the fingerprint unchanged never parses). */
  bundle(): Bundle;
}

async function readInput(path: string): Promise<string> {
  if (path.startsWith('us-atlas:'))
    return (await readAtlas(path.slice('us-atlas:'.length) as AtlasFile)).text;
  return readFile(`${dataDir}${path}`, 'utf8');
}

/**
 * Reads and parses the shipped datasets (all, or those named), each joined against the base
 * geography: what does not join becomes an `unmapped` issue of its dataset.
 */
export async function prepareDatasets(ids?: readonly string[]): Promise<PreparedDataset[]> {
  const unknown = (ids ?? []).filter((id) => !datasets.some((d) => d.id === id));
  if (unknown.length > 0) {
    throw invalid('data.unknown_dataset', `Unknown dataset(s): ${unknown.join(', ')}.`, {
      unknown,
      known: datasets.map((d) => d.id),
    });
  }
  const { topology: atlas } = await readAtlas('counties-10m');
  const [geography, ...rest] = datasets;
  if (!geography) return [];
  const chosen = rest.filter((d) => !ids || ids.includes(d.id));
  const prepared: PreparedDataset[] = [];
  const base = await prepareOne(geography, atlas, null);
  const known = new Set(base.bundle().jurisdictions.map((j) => `${j.kind}:${j.code}`));
  if (!ids || ids.includes(geography.id)) prepared.push(base);
  for (const definition of chosen) prepared.push(await prepareOne(definition, atlas, known));
  return prepared;
}

async function prepareOne(
  definition: DatasetDefinition,
  atlas: Awaited<ReturnType<typeof readAtlas>>['topology'],
  known: ReadonlySet<string> | null,
): Promise<PreparedDataset> {
  const texts = await Promise.all(definition.files.map(readInput));
  const hash = createHash('sha256').update(loaderVersion).update(definition.id);
  for (const text of texts) hash.update('\u0000').update(text);
  let bundle: Bundle | undefined;
  return {
    definition,
    fingerprint: hash.digest('hex'),
    bundle: () => {
      if (!bundle) {
        const parsed = definition.parse({ texts, atlas });
        bundle = known ? reconcile(parsed, known) : parsed;
      }
      return bundle;
    },
  };
}
