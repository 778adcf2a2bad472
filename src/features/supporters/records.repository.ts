import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type {
  ConsentChannel,
  PersonActivitiesTable,
  PersonConsentsTable,
  PersonLinkCodesTable,
} from '../../db/tables/supporters.ts';
import type { Scope } from './people.repository.ts';

/** A person's consent records, activities, custom field definitions, links and keys: always by owner. */

type Owned<T> = Omit<Insertable<T>, 'coalition_id' | 'organization_id'>;

export function insertConsent(db: Db, scope: Scope, row: Owned<PersonConsentsTable>) {
  return db
    .insertInto('person_consents')
    .values({ ...row, coalition_id: scope.coalitionId, organization_id: scope.organizationId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertConsents(db: Db, scope: Scope, rows: readonly Owned<PersonConsentsTable>[]) {
  if (rows.length === 0) return Promise.resolve();
  return db
    .insertInto('person_consents')
    .values(
      rows.map((row) => ({ ...row, coalition_id: scope.coalitionId, organization_id: scope.organizationId })),
    )
    .execute()
    .then(() => undefined);
}

export function listConsents(db: Db, scope: Scope, personId: string) {
  return db
    .selectFrom('person_consents')
    .selectAll()
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('person_id', '=', personId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

/** Withdraws the channel's standing grants: the records stay, marked with when and how. */
export function withdrawConsents(
  db: Db,
  scope: Scope,
  personId: string,
  channel: ConsentChannel,
  at: Date,
  source: string,
) {
  return db
    .updateTable('person_consents')
    .set({ withdrawn_at: at, withdrawal_source: source })
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('person_id', '=', personId)
    .where('channel', '=', channel)
    .where('granted', '=', true)
    .where('withdrawn_at', 'is', null)
    .returningAll()
    .execute();
}

export function insertActivity(db: Db, scope: Scope, row: Owned<PersonActivitiesTable>) {
  return db
    .insertInto('person_activities')
    .values({ ...row, coalition_id: scope.coalitionId, organization_id: scope.organizationId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listActivities(db: Db, scope: Scope, personId: string) {
  return db
    .selectFrom('person_activities')
    .selectAll()
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .where('person_id', '=', personId)
    .orderBy('occurred_on')
    .orderBy('id')
    .execute();
}

export function listCustomFields(db: Db, scope: Scope) {
  return db
    .selectFrom('person_custom_fields')
    .select(['name', 'label'])
    .where('coalition_id', '=', scope.coalitionId)
    .where('organization_id', '=', scope.organizationId)
    .orderBy('name')
    .execute();
}

export function insertCustomFields(db: Db, scope: Scope, fields: readonly { name: string; label: string }[]) {
  if (fields.length === 0) return Promise.resolve();
  return db
    .insertInto('person_custom_fields')
    .values(
      fields.map((f) => ({ ...f, coalition_id: scope.coalitionId, organization_id: scope.organizationId })),
    )
    .onConflict((oc) => oc.columns(['organization_id', 'name']).doNothing())
    .execute()
    .then(() => undefined);
}

/** The links of one of this owner's people, each with the other member's name and nothing of its record. */
export async function listLinks(db: Db, scope: Scope, personId: string) {
  const asA = db
    .selectFrom('person_links')
    .innerJoin('organizations', 'organizations.id', 'person_links.organization_b')
    .select([
      'person_links.id',
      'person_links.organization_b as other_organization_id',
      'organizations.name as other_organization_name',
      'person_links.basis',
      'person_links.source',
      'person_links.consented_at',
    ])
    .where('person_links.coalition_id', '=', scope.coalitionId)
    .where('person_links.organization_a', '=', scope.organizationId)
    .where('person_links.person_a', '=', personId);
  const asB = db
    .selectFrom('person_links')
    .innerJoin('organizations', 'organizations.id', 'person_links.organization_a')
    .select([
      'person_links.id',
      'person_links.organization_a as other_organization_id',
      'organizations.name as other_organization_name',
      'person_links.basis',
      'person_links.source',
      'person_links.consented_at',
    ])
    .where('person_links.coalition_id', '=', scope.coalitionId)
    .where('person_links.organization_b', '=', scope.organizationId)
    .where('person_links.person_b', '=', personId);
  return asA.unionAll(asB).execute();
}

export function insertLinkCode(db: Db, scope: Scope, row: Owned<PersonLinkCodesTable>) {
  return db
    .insertInto('person_link_codes')
    .values({ ...row, coalition_id: scope.coalitionId, organization_id: scope.organizationId })
    .execute();
}

/**
 * A link code addressed to this owner, consumed as it is read. It carries the issuing member's person
 * id, which this code passes to insertLink and never returns to the redeeming member.
 */
export function takeLinkCode(db: Db, scope: Scope, codeHash: string) {
  return db
    .deleteFrom('person_link_codes')
    .where('coalition_id', '=', scope.coalitionId)
    .where('target_organization_id', '=', scope.organizationId)
    .where('code_hash', '=', codeHash)
    .returningAll()
    .executeTakeFirst();
}

export function insertLink(
  db: Db,
  coalitionId: string,
  a: { organizationId: string; personId: string },
  b: { organizationId: string; personId: string },
  consent: { basis: string; source: string; consentedAt: Date },
) {
  return db
    .insertInto('person_links')
    .values({
      coalition_id: coalitionId,
      organization_a: a.organizationId,
      person_a: a.personId,
      organization_b: b.organizationId,
      person_b: b.personId,
      basis: consent.basis,
      source: consent.source,
      consented_at: consent.consentedAt,
    })
    .onConflict((oc) => oc.columns(['person_a', 'person_b']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** This owner's key that seals pagination cursors, made on first use. */
export async function cursorKey(db: Db, scope: Scope, fresh: () => Uint8Array): Promise<Uint8Array> {
  const existing = await db
    .selectFrom('supporter_keys')
    .select('cursor_key')
    .where('organization_id', '=', scope.organizationId)
    .where('coalition_id', '=', scope.coalitionId)
    .executeTakeFirst();
  if (existing) return existing.cursor_key;
  await db
    .insertInto('supporter_keys')
    .values({ organization_id: scope.organizationId, coalition_id: scope.coalitionId, cursor_key: fresh() })
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('supporter_keys')
    .select('cursor_key')
    .where('organization_id', '=', scope.organizationId)
    .where('coalition_id', '=', scope.coalitionId)
    .executeTakeFirstOrThrow();
  return row.cursor_key;
}

export async function organizationExists(
  db: Db,
  coalitionId: string,
  organizationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('coalition_id', '=', coalitionId)
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}
