import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import * as repo from './datasets.repository.ts';

/** The loaded reference datasets, with their row counts and issues by resolution. */
export async function listLoadedDatasets(db: Db) {
  const datasets = await repo.listDatasets(db);
  const counts = await repo.issueCountsByResolution(db);
  return datasets.map((d) => ({
    id: d.id,
    title: d.title,
    fingerprint: d.fingerprint,
    loadedAt: new Date(d.loaded_at).toISOString(),
    counts: d.counts,
    issues: Object.fromEntries(
      counts.filter((c) => c.dataset_id === d.id).map((c) => [c.resolution, Number(c.n)]),
    ),
  }));
}

export async function listDatasetIssues(
  db: Db,
  datasetId: string,
  filter: { resolution?: string | undefined; code?: string | undefined; limit: number; offset: number },
) {
  if (!(await repo.findDataset(db, datasetId))) {
    throw notFound('map.dataset_not_found', `No loaded dataset "${datasetId}".`);
  }
  const { items, total } = await repo.listIssues(db, datasetId, filter);
  return { items, total, limit: filter.limit, offset: filter.offset };
}
