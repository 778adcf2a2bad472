import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { StrengthEvidenceTable } from '../../db/tables/governance.ts';

export function insertEvidence(db: Db, row: Insertable<StrengthEvidenceTable>) {
  return db.insertInto('strength_evidence').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findEvidence(db: Db, coalitionId: string, organizationId: string, id: string) {
  return db
    .selectFrom('strength_evidence')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function markVerified(db: Db, id: string, by: string, at: Date) {
  return db
    .updateTable('strength_evidence')
    .set({ verified_at: at, verified_by: by })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listEvidence(db: Db, coalitionId: string, organizationIds: readonly string[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('strength_evidence')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('organization_id', 'in', organizationIds)
    .orderBy('as_of', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
