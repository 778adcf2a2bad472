import type { Db } from '../../../db/database.ts';
import type { Scope } from '../people.repository.ts';

/** Overlap runs between two members: each member reads the runs it is part of, and no others. */

export function insertRun(
  db: Db,
  row: { coalition_id: string; requester_id: string; partner_id: string; requested_by: string },
) {
  return db
    .insertInto('overlap_runs')
    .values({ ...row, status: 'requested' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findRunFor(db: Db, scope: Scope, id: string) {
  return db
    .selectFrom('overlap_runs')
    .selectAll()
    .where('coalition_id', '=', scope.coalitionId)
    .where('id', '=', id)
    .where((eb) =>
      eb.or([eb('requester_id', '=', scope.organizationId), eb('partner_id', '=', scope.organizationId)]),
    )
    .forUpdate()
    .executeTakeFirst();
}

export function listRunsFor(db: Db, scope: Scope) {
  return db
    .selectFrom('overlap_runs')
    .innerJoin('organizations as requester', 'requester.id', 'overlap_runs.requester_id')
    .innerJoin('organizations as partner', 'partner.id', 'overlap_runs.partner_id')
    .selectAll('overlap_runs')
    .select(['requester.name as requester_name', 'partner.name as partner_name'])
    .where('overlap_runs.coalition_id', '=', scope.coalitionId)
    .where((eb) =>
      eb.or([
        eb('overlap_runs.requester_id', '=', scope.organizationId),
        eb('overlap_runs.partner_id', '=', scope.organizationId),
      ]),
    )
    .orderBy('overlap_runs.requested_at', 'desc')
    .execute();
}

export function decideRun(
  db: Db,
  id: string,
  patch: {
    status: 'declined' | 'completed';
    decided_by: string;
    decided_at: Date;
    shared_count: number | null;
  },
) {
  return db
    .updateTable('overlap_runs')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function organizationName(db: Db, coalitionId: string, id: string): Promise<string | null> {
  const row = await db
    .selectFrom('organizations')
    .select('name')
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.name ?? null;
}
