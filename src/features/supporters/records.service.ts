import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../core/actor.ts';
import { conflict, invalid } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { ownerScope, personNotFound } from './access.ts';
import * as people from './people.repository.ts';
import { loadPersonView } from './people.service.ts';
import { refuseProtectedField } from './person-input.ts';
import * as records from './records.repository.ts';
import type { ActivityInput, ConsentChannel, ConsentInput, PersonView } from './supporters.schema.ts';

async function requirePerson(db: Db, scope: people.Scope, id: string) {
  const row = await people.findPerson(db, scope, id, { lock: true });
  if (!row) throw personNotFound();
  return row;
}

/** A new consent record for one channel; the latest record per channel decides. */
export async function recordConsent(
  db: Db,
  actor: Actor,
  personId: string,
  input: ConsentInput,
  now = new Date(),
) {
  const scope = ownerScope(actor, 'record consent');
  await requirePerson(db, scope, personId);
  await records.insertConsent(db, scope, {
    person_id: personId,
    channel: input.channel,
    granted: input.granted,
    basis: input.basis,
    source: input.source,
    recorded_at: now,
  });
  return loadPersonView(db, scope, personId);
}

/** Withdrawal keeps the record and stamps it: from now on the channel is out of every segment and export. */
export async function withdrawConsent(
  db: Db,
  actor: Actor,
  personId: string,
  input: { channel: ConsentChannel; source: string },
  now = new Date(),
): Promise<PersonView> {
  const scope = ownerScope(actor, 'withdraw consent');
  await requirePerson(db, scope, personId);
  const withdrawn = await records.withdrawConsents(db, scope, personId, input.channel, now, input.source);
  if (withdrawn.length === 0)
    throw conflict(
      'consent.nothing_to_withdraw',
      `There is no standing ${input.channel} consent to withdraw.`,
    );
  return loadPersonView(db, scope, personId);
}

export async function addActivity(db: Db, actor: Actor, personId: string, input: ActivityInput) {
  const scope = ownerScope(actor, 'record an activity');
  await requirePerson(db, scope, personId);
  await records.insertActivity(db, scope, {
    person_id: personId,
    kind: input.kind,
    occurred_on: input.occurredOn,
    label: input.label,
    quantity: input.quantity,
    amount_cents: input.amountCents,
  });
  return loadPersonView(db, scope, personId);
}

export async function listCustomFields(db: Db, actor: Actor) {
  return records.listCustomFields(db, ownerScope(actor, 'list custom fields'));
}

/** A member defines its own fields; none may hold race, ethnicity or religion, under any name. */
export async function defineCustomField(db: Db, actor: Actor, input: { name: string; label: string }) {
  const scope = ownerScope(actor, 'define a custom field');
  refuseProtectedField(input.name);
  refuseProtectedField(input.label);
  await records.insertCustomFields(db, scope, [input]);
  return records.listCustomFields(db, scope);
}

const linkCodeTtlDays = 30;
const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * Dual membership starts with the person: the member holding their record writes down their consent
 * and gets a one-time code for the person to hand to the other member. Nothing about the record
 * travels with it.
 */
export async function issueLinkCode(
  db: Db,
  actor: Actor,
  personId: string,
  input: { targetOrganizationId: string; basis: string; source: string },
  now = new Date(),
) {
  const scope = ownerScope(actor, 'issue a link code');
  await requirePerson(db, scope, personId);
  if (input.targetOrganizationId === scope.organizationId)
    throw invalid('link.same_organization', 'A link joins records of two different members.');
  if (!(await records.organizationExists(db, scope.coalitionId, input.targetOrganizationId)))
    throw invalid('link.unknown_organization', 'No such organization in this coalition.');
  const code = randomBytes(15).toString('base64url');
  const expiresAt = new Date(now.getTime() + linkCodeTtlDays * 86_400_000);
  await records.insertLinkCode(db, scope, {
    code_hash: hashCode(code),
    person_id: personId,
    target_organization_id: input.targetOrganizationId,
    basis: input.basis,
    source: input.source,
    expires_at: expiresAt,
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

/** The other member redeems the person's code on its own record: both then see the fact of the link. */
export async function redeemLinkCode(db: Db, actor: Actor, personId: string, code: string, now = new Date()) {
  const scope = ownerScope(actor, 'link a supporter');
  await requirePerson(db, scope, personId);
  const issued = await records.takeLinkCode(db, scope, hashCode(code));
  if (!issued || issued.expires_at.getTime() < now.getTime())
    throw invalid('link.code_invalid', 'This link code is unknown, already used, or expired.');
  await records.insertLink(
    db,
    scope.coalitionId,
    { organizationId: issued.organization_id, personId: issued.person_id },
    { organizationId: scope.organizationId, personId },
    { basis: issued.basis, source: issued.source, consentedAt: issued.created_at },
  );
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'person.linked',
    subject: { type: 'organization', id: scope.organizationId },
    payload: { organizations: [issued.organization_id, scope.organizationId] },
  });
  return loadPersonView(db, scope, personId);
}
