import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { PactConsentsTable, PactRatificationsTable } from '../../../db/tables/pacts.ts';

/** Local consent per race and the ratification decisions of a pact. */

/** One stance per organization and race: a second one replaces the first. */
export function upsertConsent(db: Db, row: Insertable<PactConsentsTable>) {
  return db
    .insertInto('pact_consents')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['pact_id', 'race_key', 'organization_id']).doUpdateSet({
        stance: row.stance,
        note: row.note ?? '',
        version_number: row.version_number ?? null,
        assigned_organization_id: row.assigned_organization_id ?? null,
        recorded_by: row.recorded_by,
        recorded_at: row.recorded_at,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listConsents(db: Db, pactId: string) {
  return db
    .selectFrom('pact_consents')
    .innerJoin('organizations', (join) =>
      join
        .onRef('organizations.id', '=', 'pact_consents.organization_id')
        .onRef('organizations.coalition_id', '=', 'pact_consents.coalition_id'),
    )
    .selectAll('pact_consents')
    .select('organizations.name as organization_name')
    .where('pact_consents.pact_id', '=', pactId)
    .orderBy('pact_consents.race_key')
    .orderBy('organizations.name')
    .execute();
}
export type ConsentRow = Awaited<ReturnType<typeof listConsents>>[number];

export function insertRatification(db: Db, row: Insertable<PactRatificationsTable>) {
  return db.insertInto('pact_ratifications').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Every ratification decision of the pacts, newest first, with the version number it ratifies. */
export function listRatifications(db: Db, pactIds: readonly string[]) {
  if (pactIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pact_ratifications')
    .innerJoin('pact_versions', 'pact_versions.id', 'pact_ratifications.version_id')
    .select([
      'pact_ratifications.pact_id',
      'pact_ratifications.decision_id',
      'pact_ratifications.created_at',
      'pact_versions.number as version_number',
    ])
    .where('pact_ratifications.pact_id', 'in', pactIds)
    .orderBy('pact_ratifications.created_at', 'desc')
    .orderBy('pact_ratifications.id')
    .execute();
}
export type RatificationRow = Awaited<ReturnType<typeof listRatifications>>[number];
