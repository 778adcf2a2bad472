import type { Db } from '../../db/database.ts';

export function listDatasets(db: Db) {
  return db
    .selectFrom('reference_datasets')
    .select(['id', 'title', 'fingerprint', 'counts', 'loaded_at'])
    .orderBy('id')
    .execute();
}

export function issueCountsByResolution(db: Db) {
  return db
    .selectFrom('reference_dataset_issues')
    .select(['dataset_id', 'resolution', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['dataset_id', 'resolution'])
    .execute();
}

export async function listIssues(
  db: Db,
  datasetId: string,
  filter: { resolution?: string | undefined; code?: string | undefined; limit: number; offset: number },
) {
  let query = db.selectFrom('reference_dataset_issues').where('dataset_id', '=', datasetId);
  if (filter.resolution) query = query.where('resolution', '=', filter.resolution);
  if (filter.code) query = query.where('code', '=', filter.code);
  const items = await query
    .select(['code', 'resolution', 'subject', 'row', 'message'])
    .orderBy('seq')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items, total: Number(count.n) };
}

export function findDataset(db: Db, id: string) {
  return db.selectFrom('reference_datasets').select('id').where('id', '=', id).executeTakeFirst();
}
