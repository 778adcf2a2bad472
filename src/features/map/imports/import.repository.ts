import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';

/**
 * Reads an import compares its file with, and the one write only imports do. Every key list goes
 * to the database as one array parameter per column (`= any($1)`, `unnest($1, $2)`), in batches:
 * a statement's size no longer grows with the file. (A literal `in ((…), (…))` list of 15,000
 * tuples overflowed PostgreSQL's parser stack, and PGlite lost its prepared statement well before.)
 */
export const keyBatchSize = 10_000;

async function inBatches<T, R>(keys: readonly T[], read: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const rows: R[] = [];
  for (let start = 0; start < keys.length; start += keyBatchSize) {
    for (const row of await read(keys.slice(start, start + keyBatchSize))) rows.push(row);
  }
  return rows;
}

/** Jurisdictions by kind and code: the coalition's own and the reference ones (never another coalition's). */
export function findJurisdictionsByKeys(
  db: Db,
  coalitionId: string,
  keys: ReadonlyArray<{ kind: string; code: string }>,
) {
  return inBatches(keys, (chunk) =>
    db
      .selectFrom('jurisdictions')
      .select(['id', 'coalition_id', 'kind', 'code', 'name', 'parent_id', 'country', 'geometry'])
      .where(
        sql<boolean>`(kind, code) in (select * from unnest(${chunk.map((k) => k.kind)}::text[], ${chunk.map((k) => k.code)}::text[]))`,
      )
      .where(sql<boolean>`(coalition_id is null or coalition_id = ${coalitionId})`)
      .execute(),
  );
}

export function findOwnElections(db: Db, coalitionId: string, ids: readonly string[]) {
  return inBatches(ids, (chunk) =>
    db
      .selectFrom('elections')
      .select(['id', 'name', sql<string>`election_date::text`.as('date')])
      .where('coalition_id', '=', coalitionId)
      .where(sql<boolean>`id = any(${chunk}::uuid[])`)
      .execute(),
  );
}

export function findOwnRaces(db: Db, coalitionId: string, ids: readonly string[]) {
  return inBatches(ids, (chunk) =>
    db
      .selectFrom('races')
      .select(['id', 'name', 'seats', sql<string | null>`filing_deadline::text`.as('filing_deadline')])
      .where('coalition_id', '=', coalitionId)
      .where(sql<boolean>`id = any(${chunk}::uuid[])`)
      .execute(),
  );
}

export function findOwnUnits(db: Db, coalitionId: string, setIds: readonly string[]) {
  return inBatches(setIds, (chunk) =>
    db
      .selectFrom('result_units')
      .select(['result_set_id', 'jurisdiction_id', 'race_id', 'total_votes'])
      .where('coalition_id', '=', coalitionId)
      .where(sql<boolean>`result_set_id = any(${chunk}::uuid[])`)
      .execute(),
  );
}

export function findOwnVotes(db: Db, coalitionId: string, setIds: readonly string[]) {
  return inBatches(setIds, (chunk) =>
    db
      .selectFrom('result_votes')
      .select(['result_set_id', 'jurisdiction_id', 'candidate', 'line', 'party', 'votes'])
      .where('coalition_id', '=', coalitionId)
      .where(sql<boolean>`result_set_id = any(${chunk}::uuid[])`)
      .execute(),
  );
}

/** Removes units (their votes go with them) that an import replaces. */
export async function deleteOwnUnits(
  db: Db,
  coalitionId: string,
  units: ReadonlyArray<{ result_set_id: string; jurisdiction_id: string }>,
): Promise<void> {
  await inBatches(units, async (chunk) => {
    await sql`
      delete from result_units
      using unnest(${chunk.map((u) => u.result_set_id)}::uuid[], ${chunk.map((u) => u.jurisdiction_id)}::uuid[])
        as gone(result_set_id, jurisdiction_id)
      where result_units.coalition_id = ${coalitionId}
        and result_units.result_set_id = gone.result_set_id
        and result_units.jurisdiction_id = gone.jurisdiction_id`.execute(db);
    return [];
  });
}

export function findCoalitionBySlug(db: Db, slug: string) {
  return db.selectFrom('coalitions').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
}
