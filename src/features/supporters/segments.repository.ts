import type { Db } from '../../db/database.ts';
import type { Scope } from './people.repository.ts';

export function insertSegment(
  db: Db,
  scope: Scope,
  row: { name: string; filter: string; created_by: string },
) {
  return db
    .insertInto('people_segments')
    .values({ ...row, coalition_id: scope.coalitionId, organization_id: scope.organizationId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findSegment(db: Db, scope: Scope, id: string) {
  return db
    .selectFrom('people_segments')
    .selectAll()
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findSegmentByName(db: Db, scope: Scope, name: string) {
  return db
    .selectFrom('people_segments')
    .selectAll()
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export function listSegments(db: Db, scope: Scope) {
  return db
    .selectFrom('people_segments')
    .selectAll()
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .orderBy('name')
    .execute();
}

export function deleteSegment(db: Db, scope: Scope, id: string) {
  return db
    .deleteFrom('people_segments')
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}
