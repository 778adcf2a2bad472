import {
  type Expression,
  type Insertable,
  type Selectable,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import type { Db } from '../../db/database.ts';
import type {
  OrganizationStatus,
  OrganizationStatusChangesTable,
  OrganizationsTable,
} from '../../db/tables/governance.ts';
import type { PositionBand } from './registry.schema.ts';

export type OrganizationRow = Selectable<OrganizationsTable>;

/** Every query here is scoped by the coalition: another coalition's rows are simply not found. */
export function findOrganization(
  db: Db,
  coalitionId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  let query = db
    .selectFrom('organizations')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Every organization's name in the coalition, for the look-alike check (a coalition has dozens, not millions). */
export function listOrganizationNames(db: Db, coalitionId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('coalition_id', '=', coalitionId)
    .execute();
}

export function findOrganizationByName(db: Db, coalitionId: string, name: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('coalition_id', '=', coalitionId)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export interface OrganizationListFilter {
  status?: OrganizationStatus | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  position?: PositionBand | undefined;
  ids?: string[];
}

/** A keyset page in name order: `limit + 1` rows after the (name, id) of `after`. */
export interface OrganizationPage {
  limit: number;
  after?: readonly [name: string, id: string] | undefined;
}

/** Name order, then id; with `page`, one keyset page (served by organizations_coalition_name_idx). */
export function listOrganizations(
  db: Db,
  coalitionId: string,
  filter: OrganizationListFilter,
  page?: OrganizationPage,
) {
  if (filter.ids?.length === 0) return Promise.resolve([]);
  return organizationsQuery(db, coalitionId, filter, page).execute();
}

/** The list's query, unexecuted: test/scale/list-page-plans.test.ts explains it. */
export function organizationsQuery(
  db: Db,
  coalitionId: string,
  filter: OrganizationListFilter,
  page?: OrganizationPage,
) {
  let query = db.selectFrom('organizations').selectAll().where('coalition_id', '=', coalitionId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.kind) query = query.where('kind', '=', filter.kind as OrganizationRow['kind']);
  if (filter.q) query = query.where('name', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.position) query = query.where(positionInBand(filter.position));
  if (filter.ids) query = query.where('id', 'in', filter.ids);
  if (page?.after) {
    const [name, id] = page.after;
    query = query.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(name, id)));
  }
  if (page) query = query.limit(page.limit + 1);
  return query.orderBy('name').orderBy('id');
}

/** The band's condition on the stored position (numeric(4,3)); the bounds are the schema's. */
function positionInBand(band: PositionBand): Expression<SqlBool> {
  switch (band) {
    case 'undeclared':
      return sql<SqlBool>`position is null`;
    case 'left':
      return sql<SqlBool>`position < -0.2`;
    case 'right':
      return sql<SqlBool>`position > 0.2`;
    case 'centre':
      return sql<SqlBool>`position between -0.2 and 0.2`;
  }
}

export function insertOrganization(db: Db, row: Insertable<OrganizationsTable>) {
  return db.insertInto('organizations').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateOrganization(
  db: Db,
  coalitionId: string,
  id: string,
  patch: Updateable<OrganizationsTable>,
) {
  return db
    .updateTable('organizations')
    .set(patch)
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertStatusChange(db: Db, row: Insertable<OrganizationStatusChangesTable>) {
  return db.insertInto('organization_status_changes').values(row).returning('id').executeTakeFirstOrThrow();
}

export function listStatusChanges(db: Db, coalitionId: string, organizationId: string) {
  return db
    .selectFrom('organization_status_changes')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('organization_id', '=', organizationId)
    .orderBy('at')
    .execute();
}

export function listChapters(db: Db, coalitionId: string, parentId: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'status'])
    .where('coalition_id', '=', coalitionId)
    .where('parent_id', '=', parentId)
    .orderBy('name')
    .execute();
}

export async function countByStatus(db: Db, coalitionId: string) {
  return db
    .selectFrom('organizations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('count')])
    .where('coalition_id', '=', coalitionId)
    .groupBy('status')
    .execute();
}

/** The founding phase lasts until the coalition's first decision closes. */
export async function anyDecisionClosed(db: Db, coalitionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('decisions')
    .select('id')
    .where('coalition_id', '=', coalitionId)
    .where('status', '=', 'closed')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
