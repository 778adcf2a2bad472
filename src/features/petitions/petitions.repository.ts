import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type {
  PetitionChecksTable,
  PetitionDrivesTable,
  PetitionPacketsTable,
  PetitionRequirementsTable,
  PetitionSignerLinesTable,
} from '../../db/tables/petitions.ts';

export function countShipped(db: Db, seedVersion: string) {
  return db
    .selectFrom('petition_requirements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('origin', '=', 'shipped')
    .where('seed_version', '=', seedVersion)
    .executeTakeFirstOrThrow();
}

export async function upsertShipped(db: Db, rows: Insertable<PetitionRequirementsTable>[]) {
  for (const row of rows) {
    await db
      .insertInto('petition_requirements')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('key')
          .where('key', 'is not', null)
          .doUpdateSet((eb) => ({
            signatures: eb.ref('excluded.signatures'),
            number_status: eb.ref('excluded.number_status'),
            computation: eb.ref('excluded.computation'),
            rule_text: eb.ref('excluded.rule_text'),
            who_may_sign: eb.ref('excluded.who_may_sign'),
            distribution: eb.ref('excluded.distribution'),
            deadline: eb.ref('excluded.deadline'),
            deadline_text: eb.ref('excluded.deadline_text'),
            verification_rule: eb.ref('excluded.verification_rule'),
            voters: eb.ref('excluded.voters'),
            voters_basis: eb.ref('excluded.voters_basis'),
            source: eb.ref('excluded.source'),
            as_of: eb.ref('excluded.as_of'),
            seed_version: eb.ref('excluded.seed_version'),
          })),
      )
      .execute();
  }
}

/** Shipped requirements and the coalition's own. */
export function listRequirements(db: Db, coalitionId: string, filter: { country?: string; kind?: string }) {
  let query = db
    .selectFrom('petition_requirements')
    .selectAll()
    .where((eb) => eb.or([eb('coalition_id', 'is', null), eb('coalition_id', '=', coalitionId)]));
  if (filter.country) query = query.where('country', '=', filter.country.toUpperCase());
  if (filter.kind) query = query.where('kind', '=', filter.kind as PetitionRequirementsTable['kind']);
  return query.orderBy('origin', 'desc').orderBy('jurisdiction_name').orderBy('kind').execute();
}

export function findRequirement(db: Db, coalitionId: string, idOrKey: string) {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrKey);
  return db
    .selectFrom('petition_requirements')
    .selectAll()
    .where((eb) => eb.or([eb('coalition_id', 'is', null), eb('coalition_id', '=', coalitionId)]))
    .where(isUuid ? 'id' : 'key', '=', idOrKey)
    .executeTakeFirst();
}

export function insertRequirement(db: Db, row: Insertable<PetitionRequirementsTable>) {
  return db.insertInto('petition_requirements').values(row).returningAll().executeTakeFirstOrThrow();
}

const driveColumns = [
  'petition_drives.id',
  'petition_drives.coalition_id',
  'petition_drives.organization_id',
  'petition_drives.requirement_id',
  'petition_drives.name',
  'petition_drives.target_kind',
  'petition_drives.target_name',
  'petition_drives.target_candidate_id',
  'petition_drives.required',
  'petition_drives.expected_validity',
  'petition_drives.safety_margin',
  'petition_drives.start_day',
  'petition_drives.due_day',
  'petition_drives.filing_day',
  'petition_drives.cure_days',
  'petition_drives.verification_rule',
  'organizations.name as organization_name',
  'petition_requirements.title as requirement_title',
  'petition_requirements.jurisdiction',
] as const;

function drivesQuery(db: Db, coalitionId: string) {
  return db
    .selectFrom('petition_drives')
    .innerJoin('organizations', 'organizations.id', 'petition_drives.organization_id')
    .innerJoin('petition_requirements', 'petition_requirements.id', 'petition_drives.requirement_id')
    .select(driveColumns)
    .where('petition_drives.coalition_id', '=', coalitionId);
}

export type DriveRow = Awaited<ReturnType<typeof findDrive>> & {};

/**
 * Soonest due first, then by name, the id breaking ties. With `page`: a keyset page, `limit + 1` rows
 * after the (due_day, name, id) of `after` (served by petition_drives_coalition_due_idx).
 */
export function listDrives(db: Db, coalitionId: string, page?: DrivePage) {
  return drivesPageQuery(db, coalitionId, page).execute();
}

type DrivePage = { limit: number; after?: readonly [dueDay: string, name: string, id: string] | undefined };

/** The list's query, unexecuted: test/scale/list-page-plans.test.ts explains it. */
export function drivesPageQuery(db: Db, coalitionId: string, page?: DrivePage) {
  let query = drivesQuery(db, coalitionId);
  if (page?.after) {
    const [dueDay, name, id] = page.after;
    query = query.where((eb) =>
      eb(
        eb.refTuple('petition_drives.due_day', 'petition_drives.name', 'petition_drives.id'),
        '>',
        eb.tuple(dueDay, name, id),
      ),
    );
  }
  if (page) query = query.limit(page.limit + 1);
  return query
    .orderBy('petition_drives.due_day')
    .orderBy('petition_drives.name')
    .orderBy('petition_drives.id');
}

export function findDrive(db: Db, coalitionId: string, id: string) {
  return drivesQuery(db, coalitionId).where('petition_drives.id', '=', id).executeTakeFirst();
}

export function insertDrive(db: Db, row: Insertable<PetitionDrivesTable>) {
  return db.insertInto('petition_drives').values(row).returning('id').executeTakeFirstOrThrow();
}

export function updateDrive(db: Db, coalitionId: string, id: string, set: Updateable<PetitionDrivesTable>) {
  return db
    .updateTable('petition_drives')
    .set(set)
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', id)
    .execute();
}

/** Everything below is scoped by the drive's coalition and member (organization). */
export interface DriveScope {
  coalitionId: string;
  organizationId: string;
  driveId: string;
}

export function listCirculators(db: Db, scope: DriveScope) {
  return db
    .selectFrom('petition_circulators')
    .select(['id', 'name', 'person_id'])
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('drive_id', '=', scope.driveId)
    .orderBy('name')
    .execute();
}

export function insertCirculator(db: Db, scope: DriveScope, name: string, personId: string | null = null) {
  return db
    .insertInto('petition_circulators')
    .values({
      coalition_id: scope.coalitionId,
      organization_id: scope.organizationId,
      drive_id: scope.driveId,
      name,
      person_id: personId,
    })
    .returning(['id', 'name', 'person_id'])
    .executeTakeFirstOrThrow();
}

export function listPackets(db: Db, scope: DriveScope) {
  return db
    .selectFrom('petition_packets')
    .select(['id', 'label', 'circulator_id', 'county', 'collected_on', 'raw_count'])
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('drive_id', '=', scope.driveId)
    .orderBy('collected_on')
    .orderBy('label')
    .execute();
}

/**
 * The packets of several drives of a coalition in one statement (the drives list's figures), each
 * with its drive and member; per drive in `listPackets`'s order.
 */
export function listPacketsOfDrives(db: Db, coalitionId: string, driveIds: readonly string[]) {
  if (driveIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('petition_packets')
    .select([
      'drive_id',
      'organization_id',
      'id',
      'label',
      'circulator_id',
      'county',
      'collected_on',
      'raw_count',
    ])
    .where('coalition_id', '=', coalitionId)
    .where('drive_id', 'in', driveIds)
    .orderBy('drive_id')
    .orderBy('collected_on')
    .orderBy('label')
    .execute();
}

export function insertPackets(db: Db, rows: Insertable<PetitionPacketsTable>[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('petition_packets').values(rows).returning(['id', 'label']).execute();
}

export function listChecks(db: Db, scope: DriveScope) {
  return db
    .selectFrom('petition_checks')
    .selectAll()
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('drive_id', '=', scope.driveId)
    .orderBy('checked_on')
    .orderBy('created_at')
    .execute();
}

/** The checks of several drives of a coalition in one statement; per drive in `listChecks`'s order. */
export function listChecksOfDrives(db: Db, coalitionId: string, driveIds: readonly string[]) {
  if (driveIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('petition_checks')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('drive_id', 'in', driveIds)
    .orderBy('drive_id')
    .orderBy('checked_on')
    .orderBy('created_at')
    .execute();
}

export function insertChecks(db: Db, rows: Insertable<PetitionChecksTable>[]) {
  if (rows.length === 0) return Promise.resolve([]);
  return db.insertInto('petition_checks').values(rows).returning('id').execute();
}

export function listSignerLines(db: Db, scope: DriveScope) {
  return db
    .selectFrom('petition_signer_lines')
    .select(['packet_id', 'line', 'name', 'address'])
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('drive_id', '=', scope.driveId)
    .execute();
}

export async function insertSignerLines(db: Db, rows: Insertable<PetitionSignerLinesTable>[]) {
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('petition_signer_lines')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export function coalitionRequirementDeadlines(db: Db, coalitionId: string) {
  return db
    .selectFrom('petition_requirements')
    .select(['id', 'title', 'deadline'])
    .where('coalition_id', '=', coalitionId)
    .where('deadline', 'is not', null)
    .execute();
}
