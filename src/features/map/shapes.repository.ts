import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface Ancestor {
  id: string;
  kind: string;
  code: string;
}

/** Each jurisdiction's parents, nearest first (wards → DC → …), up to four levels. */
export async function ancestorsOf(db: Db, ids: readonly string[]): Promise<Map<string, Ancestor[]>> {
  const chains = new Map<string, Ancestor[]>(ids.map((id) => [id, []]));
  let frontier = new Map<string, string>(); // jurisdiction id → the id whose chain it extends
  const start = await db
    .selectFrom('jurisdictions')
    .select(['id', 'parent_id'])
    // One array parameter, not a parameter per id: a set of 25,000 wards broke PGlite.
    .where(sql<boolean>`id = any(${[...ids]}::uuid[])`)
    .execute();
  for (const row of start) if (row.parent_id) frontier.set(row.id, row.parent_id);
  for (let depth = 0; depth < 4 && frontier.size > 0; depth += 1) {
    const parents = await db
      .selectFrom('jurisdictions')
      .select(['id', 'kind', 'code', 'parent_id'])
      .where(sql<boolean>`id = any(${[...new Set(frontier.values())]}::uuid[])`)
      .execute();
    const byId = new Map(parents.map((p) => [p.id, p]));
    const next = new Map<string, string>();
    for (const [origin, parentId] of frontier) {
      const parent = byId.get(parentId);
      if (!parent) continue;
      chains.get(origin)?.push({ id: parent.id, kind: parent.kind, code: parent.code });
      if (parent.parent_id) next.set(origin, parent.parent_id);
    }
    frontier = next;
  }
  return chains;
}

/** The coverage issue code for each us-atlas county a reference set does not join (coverage.ts). */
export async function coverageNotes(
  db: Db,
  datasetId: string,
  setSlug: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('reference_dataset_issues')
    .select(['subject', 'code'])
    .where('dataset_id', '=', datasetId)
    .where('code', 'like', 'atlas.%')
    .where('message', 'like', `${setSlug}:%`)
    .execute();
  return new Map(rows.map((r) => [r.subject, r.code]));
}

/** A coalition's own jurisdictions that have a shape (imported districts). */
export function listOwnShapes(db: Db, coalitionId: string, kind: string | undefined) {
  let query = db
    .selectFrom('jurisdictions')
    .select(['id', 'kind', 'code', 'name', 'geometry'])
    .where('coalition_id', '=', coalitionId)
    .where('geometry', 'is not', null);
  if (kind) query = query.where('kind', '=', kind);
  return query.orderBy('kind').orderBy('code').execute();
}
