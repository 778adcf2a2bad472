import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { timestampFromKey, timestampKey } from '../../db/keyset.ts';
import type { PactRacesTable, PactRulesTable, PactsTable } from '../../db/tables/pacts.ts';

/** Pacts, their races and their locks and vetoes. Every query is scoped by the coalition. */

export type PactRow = Selectable<PactsTable>;
export type PactRaceRow = Selectable<PactRacesTable>;
export type PactRuleRow = Selectable<PactRulesTable>;

export function insertPact(db: Db, row: Insertable<PactsTable>) {
  return db.insertInto('pacts').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findPact(db: Db, coalitionId: string, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('pacts').selectAll().where('coalition_id', '=', coalitionId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function findPactIdByName(db: Db, coalitionId: string, name: string) {
  return db
    .selectFrom('pacts')
    .select('id')
    .where('coalition_id', '=', coalitionId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

/**
 * Newest first. With `page`: a keyset page, `limit + 1` rows after the (created_at, id) of `after`,
 * both descending, each row with its `created_key` for the next cursor (served by
 * pacts_coalition_created_idx).
 */
export function listPacts(db: Db, coalitionId: string, page?: PactPage) {
  return pactsQuery(db, coalitionId, page).execute();
}

type PactPage = { limit: number; after?: readonly [createdKey: string, id: string] | undefined };

/** The list's query, unexecuted: test/scale/list-page-plans.test.ts explains it. */
export function pactsQuery(db: Db, coalitionId: string, page?: PactPage) {
  let query = db
    .selectFrom('pacts')
    .selectAll()
    .select(timestampKey('created_at').as('created_key'))
    .where('coalition_id', '=', coalitionId);
  if (page?.after) {
    const [createdKey, id] = page.after;
    query = query.where((eb) =>
      eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(timestampFromKey(createdKey), id)),
    );
  }
  if (page) query = query.limit(page.limit + 1);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc');
}

/** Any edit of what the engine reads bumps the revision. */
export function updatePact(db: Db, coalitionId: string, id: string, patch: Updateable<PactsTable>) {
  return db
    .updateTable('pacts')
    .set((eb) => ({ ...patch, revision: eb('revision', '+', 1) }))
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserted in slices: PostgreSQL takes at most 65,535 parameters per statement. */
export async function insertRaces(db: Db, rows: Insertable<PactRacesTable>[]) {
  for (let start = 0; start < rows.length; start += 2_000) {
    await db
      .insertInto('pact_races')
      .values(rows.slice(start, start + 2_000))
      .execute();
  }
}

export function countRaces(db: Db, pactIds: readonly string[]) {
  if (pactIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pact_races')
    .select(['pact_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pact_id', 'in', pactIds)
    .groupBy('pact_id')
    .execute();
}

export function listRaces(db: Db, pactId: string) {
  return db.selectFrom('pact_races').selectAll().where('pact_id', '=', pactId).orderBy('ordinal').execute();
}

export function findRaceKeys(db: Db, pactId: string, keys: readonly string[]) {
  return db
    .selectFrom('pact_races')
    .select('key')
    .where('pact_id', '=', pactId)
    .where('key', 'in', keys)
    .execute();
}

/** The pact's locks and vetoes, each with the name of the person who set it (null: the system). */
export function listRules(db: Db, pactId: string) {
  return db
    .selectFrom('pact_rules')
    .leftJoin('users', 'users.id', 'pact_rules.created_by')
    .selectAll('pact_rules')
    .select('users.display_name as created_by_name')
    .where('pact_rules.pact_id', '=', pactId)
    .orderBy('pact_rules.race_key')
    .orderBy('pact_rules.kind')
    .orderBy('pact_rules.created_at')
    .execute();
}

export function insertRule(db: Db, row: Insertable<PactRulesTable>) {
  return db.insertInto('pact_rules').values(row).returningAll().executeTakeFirstOrThrow();
}

export function deleteRules(
  db: Db,
  pactId: string,
  filter: { raceKeys: readonly string[]; kind: 'lock' | 'veto'; organizationId?: string },
) {
  let query = db
    .deleteFrom('pact_rules')
    .where('pact_id', '=', pactId)
    .where('kind', '=', filter.kind)
    .where('race_key', 'in', filter.raceKeys);
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
  return query.returningAll().execute();
}

/** Rules naming organizations that are no longer members of the pact. */
export function deleteRulesOutside(db: Db, pactId: string, organizationIds: readonly string[]) {
  return db
    .deleteFrom('pact_rules')
    .where('pact_id', '=', pactId)
    .where('organization_id', 'not in', organizationIds)
    .returningAll()
    .execute();
}
