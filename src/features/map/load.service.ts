import type { Db } from '../../db/database.ts';
import type { Bundle } from './datasets/bundle.ts';
import type { PreparedDataset } from './datasets/dataset-files.ts';
import { materialize } from './datasets/materialize.ts';
import { referenceScope } from './ids.ts';
import * as repo from './load.repository.ts';

export type DatasetLoadReport =
  | { id: string; title: string; status: 'unchanged' }
  | { id: string; title: string; status: 'loaded'; counts: Record<string, number>; issues: number };

export interface LoadProgress {
  /** Rows to write in all (known once the datasets are compared with the database). */
  total(rows: number): void;
  advance(rows: number, label: string): void;
}

export interface LoadOptions {
  /** Reload even the datasets whose fingerprint matches the database. */
  force?: boolean;
  progress?: LoadProgress;
}

/**
 * Loads prepared reference datasets. A dataset whose fingerprint (its files and the loader version)
 * matches the database is skipped, so a second load writes nothing; a changed one replaces its
 * result sets and issues. The caller owns the transaction: all of it or nothing.
 */
export async function loadReferenceData(
  db: Db,
  prepared: readonly PreparedDataset[],
  options: LoadOptions = {},
): Promise<DatasetLoadReport[]> {
  const loaded = new Map((await repo.listDatasetFingerprints(db)).map((d) => [d.id, d.fingerprint]));
  const stale = prepared.filter((p) => options.force || loaded.get(p.definition.id) !== p.fingerprint);
  const materialized = new Map(
    stale.map((p) => [
      p.definition.id,
      materialize(p.bundle(), { scope: referenceScope, coalitionId: null, datasetId: p.definition.id }),
    ]),
  );
  options.progress?.total(
    [...materialized.values()].reduce(
      (sum, rows) => sum + Object.values(rows).reduce((n, list: unknown[]) => n + list.length, 0),
      0,
    ) + stale.reduce((sum, p) => sum + p.bundle().issues.length, 0),
  );

  const reports: DatasetLoadReport[] = [];
  for (const dataset of prepared) {
    const { id, title } = dataset.definition;
    const rows = materialized.get(id);
    if (!rows) {
      reports.push({ id, title, status: 'unchanged' });
      continue;
    }
    const bundle = dataset.bundle();
    const counts = countsOf(bundle);
    const onRows = (table: string, n: number) => options.progress?.advance(n, `${id}: ${table}`);
    await repo.upsertDataset(db, {
      id,
      title,
      fingerprint: dataset.fingerprint,
      counts: JSON.stringify(counts),
    });
    await repo.clearDataset(db, id);
    await repo.writeRows(db, rows, onRows);
    await repo.insertIssues(
      db,
      bundle.issues.map((issue, seq) => ({
        dataset_id: id,
        seq,
        code: issue.code,
        resolution: issue.resolution,
        subject: issue.subject,
        row: issue.row,
        message: issue.message,
      })),
      onRows,
    );
    reports.push({ id, title, status: 'loaded', counts, issues: bundle.issues.length });
  }
  return reports;
}

function countsOf(bundle: Bundle): Record<string, number> {
  return {
    jurisdictions: bundle.jurisdictions.length,
    elections: bundle.elections.length,
    races: bundle.races.length,
    resultSets: bundle.resultSets.length,
    units: bundle.units.length,
    votes: bundle.votes.length,
  };
}
