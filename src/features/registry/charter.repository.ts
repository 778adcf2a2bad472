import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CharterVersionsTable } from '../../db/tables/governance.ts';

export function currentCharter(db: Db, coalitionId: string) {
  return db
    .selectFrom('charter_versions')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function listCharterVersions(db: Db, coalitionId: string) {
  return db
    .selectFrom('charter_versions')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .orderBy('version', 'desc')
    .execute();
}

export function insertCharterVersion(db: Db, row: Insertable<CharterVersionsTable>) {
  return db.insertInto('charter_versions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function listRatifications(db: Db, coalitionId: string, charterVersionId: string) {
  return db
    .selectFrom('charter_ratifications')
    .select(['organization_id', 'ratified_at', 'ratified_by'])
    .where('coalition_id', '=', coalitionId)
    .where('charter_version_id', '=', charterVersionId)
    .execute();
}

/** Inserts the ratification unless it exists; true when this call recorded it. */
export async function insertRatification(
  db: Db,
  row: {
    coalitionId: string;
    charterVersionId: string;
    organizationId: string;
    ratifiedBy: string;
    at: Date;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('charter_ratifications')
    .values({
      coalition_id: row.coalitionId,
      charter_version_id: row.charterVersionId,
      organization_id: row.organizationId,
      ratified_by: row.ratifiedBy,
      ratified_at: row.at,
    })
    .onConflict((oc) => oc.columns(['charter_version_id', 'organization_id']).doNothing())
    .returning('organization_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
