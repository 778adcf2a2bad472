import { randomBytes } from 'node:crypto';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { ownerScope, personNotFound } from './access.ts';
import { openCursor, sealCursor } from './cursor.ts';
import * as people from './people.repository.ts';
import { rowOrThrow } from './person-input.ts';
import * as records from './records.repository.ts';
import type { SegmentFilter } from './segment-filter.ts';
import { findSegmentFilter } from './segments.service.ts';
import {
  type PeopleQuery,
  type PersonInput,
  type PersonPatch,
  type PersonSummary,
  type PersonView,
  personInputSchema,
} from './supporters.schema.ts';
import { toPersonView } from './views.ts';

/** Counting further than this is not worth the time on a list page; the page says "1,000+". */
export const totalCap = 1_000;

export async function knownCustomFields(db: Db, scope: people.Scope): Promise<Set<string>> {
  return new Set((await records.listCustomFields(db, scope)).map((f) => f.name));
}

export async function createPerson(db: Db, actor: Actor, input: PersonInput): Promise<PersonView> {
  const scope = ownerScope(actor, 'add a supporter');
  const row = rowOrThrow(input, await knownCustomFields(db, scope));
  const [created] = await people.insertPeople(db, scope, [row]);
  if (!created) throw new Error('insert returned no row');
  return toPersonView(created, [], [], []);
}

export async function loadPersonView(db: Db, scope: people.Scope, id: string): Promise<PersonView> {
  const row = await people.findPerson(db, scope, id);
  if (!row) throw personNotFound();
  const [consents, activities, links] = await Promise.all([
    records.listConsents(db, scope, id),
    records.listActivities(db, scope, id),
    records.listLinks(db, scope, id),
  ]);
  return toPersonView(row, consents, activities, links);
}

export async function getPerson(db: Db, actor: Actor, id: string): Promise<PersonView> {
  return loadPersonView(db, ownerScope(actor, 'open a supporter'), id);
}

export async function updatePerson(
  db: Db,
  actor: Actor,
  id: string,
  patch: PersonPatch,
): Promise<PersonView> {
  const scope = ownerScope(actor, 'edit a supporter');
  const current = await loadPersonView(db, scope, id);
  const merged = personInputSchema.parse({
    externalId: current.externalId,
    firstName: current.firstName,
    lastName: current.lastName,
    emails: current.emails,
    phones: current.phones,
    address: current.address,
    tags: current.tags,
    custom: current.custom,
    notes: current.notes,
    ...patch,
  });
  const row = rowOrThrow(merged, await knownCustomFields(db, scope));
  await people.updatePerson(db, scope, id, { ...row, updated_at: new Date() });
  return loadPersonView(db, scope, id);
}

export async function listPeople(
  db: Db,
  actor: Actor,
  query: PeopleQuery,
): Promise<{ people: PersonSummary[]; total: number; nextCursor: string | null }> {
  const scope = ownerScope(actor, 'list supporters');
  const filter: SegmentFilter = query.segment ? await findSegmentFilter(db, scope, query.segment) : {};
  if (query.q) filter.q = query.q;
  if (query.tag) filter.tags = [query.tag];
  if (query.county) filter.counties = [query.county];
  const key = await records.cursorKey(db, scope, () => randomBytes(32));
  const after = query.cursor ? openCursor(key, scope, query.cursor) : null;
  const [rows, total] = await Promise.all([
    people.listPeople(db, scope, filter, after, query.limit + 1),
    people.countPeople(db, scope, filter, totalCap),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    people: page.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.emails[0] ?? null,
      phone: r.phones[0] ?? null,
      city: r.city,
      countyFips: r.county_fips,
      tags: r.tags,
      stage: r.stage,
    })),
    total,
    nextCursor:
      rows.length > query.limit && last
        ? sealCursor(key, scope, { lastName: last.sort_last, firstName: last.sort_first, id: last.id })
        : null,
  };
}

/** Subject access: everything held on one person, as JSON; the export itself is audited (without the data). */
export async function exportPersonData(db: Db, actor: Actor, id: string) {
  const scope = ownerScope(actor, 'export a supporter’s data');
  const person = await loadPersonView(db, scope, id);
  const customFields = await records.listCustomFields(db, scope);
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'person.subject_access_exported',
    subject: { type: 'organization', id: scope.organizationId },
    payload: {},
  });
  return {
    format: 'concord.subject-access.v1' as const,
    exportedAt: new Date().toISOString(),
    holder: { organizationId: scope.organizationId },
    person,
    customFieldLabels: Object.fromEntries(customFields.map((f) => [f.name, f.label])),
  };
}

/**
 * Erasure: the person and everything hanging off them (consents, activities, links, merge snapshots)
 * go. The audit event names the organization and the fact, no personal data and no person id.
 */
export async function erasePerson(db: Db, actor: Actor, id: string): Promise<void> {
  const scope = ownerScope(actor, 'erase a supporter');
  const row = await people.findPerson(db, scope, id, { lock: true });
  if (!row) throw personNotFound();
  await people.deleteMergedInto(db, scope, id);
  await people.deletePerson(db, scope, id);
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'person.erased',
    subject: { type: 'organization', id: scope.organizationId },
    payload: {},
  });
}
