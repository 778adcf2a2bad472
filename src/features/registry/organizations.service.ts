import { pageOf } from '../../contract/cursor.ts';
import { type Actor, isStaff } from '../../core/actor.ts';
import { requireAdmin, requireStaff, requireStaffOrDelegateOf } from '../../core/authorize.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { requireOwnCursor } from '../../core/list-cursor.ts';
import { isFinal } from '../../core/rules/lifecycle.ts';
import { findLookalike } from '../../core/rules/name-skeleton.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { ratifiedSet } from './charter.service.ts';
import { listDelegates } from './delegates.repository.ts';
import { listEvidence } from './evidence.repository.ts';
import * as repo from './organizations.repository.ts';
import type {
  CreateOrganizationInput,
  OrganizationDetail,
  OrganizationsQuery,
  OrganizationView,
  UpdateOrganizationInput,
} from './registry.schema.ts';
import { applyTransition, requireApplied } from './status.service.ts';
import { iso, toEvidenceView, toOrganizationView } from './views.ts';

/** Positions are stored to three decimals (numeric(4,3)); round first so the audit shows what is stored. */
const roundPosition = (p: number | null | undefined) =>
  p === null || p === undefined ? p : Math.round(p * 1000) / 1000;

export async function findOrganizationOr404(
  db: Db,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
) {
  const org = await repo.findOrganization(db, actor.coalitionId, id, options);
  if (!org) throw notFound('organization.not_found', 'No such organization.', { organizationId: id });
  return org;
}

/** Every organization that passes the filter, in name order: for a server-side reader of the whole list. */
export async function listOrganizationViews(
  db: Db,
  actor: Actor,
  filter: repo.OrganizationListFilter,
): Promise<OrganizationView[]> {
  const [rows, ratified] = await Promise.all([
    repo.listOrganizations(db, actor.coalitionId, filter),
    ratifiedSet(db, actor.coalitionId),
  ]);
  return rows.map((row) => toOrganizationView(row, ratified));
}

/** One keyset page of the directory in name order (src/contract/cursor.ts), filtered in SQL. */
export async function listOrganizationPage(
  db: Db,
  actor: Actor,
  query: OrganizationsQuery,
): Promise<{ organizations: OrganizationView[]; nextCursor: string | null }> {
  const { cursor, limit, ...filter } = query;
  if (cursor) requireOwnCursor(actor, cursor[1]);
  const [rows, ratified] = await Promise.all([
    repo.listOrganizations(db, actor.coalitionId, filter, { limit, after: cursor && [cursor[2], cursor[3]] }),
    ratifiedSet(db, actor.coalitionId),
  ]);
  const page = pageOf(rows, limit, (row) => ['organizations', actor.coalitionId, row.name, row.id]);
  return {
    organizations: page.items.map((row) => toOrganizationView(row, ratified)),
    nextCursor: page.nextCursor,
  };
}

export async function getOrganizationDetail(db: Db, actor: Actor, id: string): Promise<OrganizationDetail> {
  const org = await findOrganizationOr404(db, actor, id);
  const [ratified, evidence, delegates, history, chapters] = await Promise.all([
    ratifiedSet(db, actor.coalitionId),
    listEvidence(db, actor.coalitionId, [org.id]),
    listDelegates(db, actor.coalitionId, org.id),
    repo.listStatusChanges(db, actor.coalitionId, org.id),
    repo.listChapters(db, actor.coalitionId, org.id),
  ]);
  return {
    ...toOrganizationView(org, ratified),
    evidence: evidence.map(toEvidenceView),
    delegates,
    history: history.map((h) => ({
      fromStatus: h.from_status,
      toStatus: h.to_status,
      reason: h.reason,
      decisionId: h.decision_id,
      note: h.note,
      at: iso(h.at),
    })),
    chapters,
  };
}

/**
 * Registers an organization: as an applicant (staff record the application), or as a founding
 * member (admin, only until the coalition's first decision closes: after that, membership comes
 * only from an admission decision).
 */
export async function createOrganization(
  db: Db,
  actor: Actor,
  input: CreateOrganizationInput,
  now = new Date(),
): Promise<OrganizationView> {
  if (input.founding) requireAdmin(actor, 'register a founding member');
  else requireStaff(actor, 'record an application');
  if (input.founding && (await repo.anyDecisionClosed(db, actor.coalitionId))) {
    throw conflict(
      'organization.founding_closed',
      'The founding phase is over (a decision has closed): new members join through an admission decision.',
    );
  }
  await checkParent(db, actor, input);
  await assertNameFree(db, actor.coalitionId, input.name);
  const status = input.founding ? 'member' : 'applicant';
  const position = roundPosition(input.position) ?? null;
  const row = await repo.insertOrganization(db, {
    coalition_id: actor.coalitionId,
    name: input.name,
    kind: input.kind,
    parent_id: input.parentId ?? null,
    status,
    position,
    description: input.description ?? '',
    platform: JSON.stringify(input.platform ?? []),
    home_jurisdictions: JSON.stringify(input.homeJurisdictions ?? []),
    created_at: now,
    updated_at: now,
  });
  const reason = input.founding ? 'founding' : 'application';
  const change = await repo.insertStatusChange(db, {
    coalition_id: actor.coalitionId,
    organization_id: row.id,
    from_status: null,
    to_status: status,
    reason,
    decision_id: null,
    actor_user_id: actor.userId,
    at: now,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: input.founding ? 'organization.founded' : 'organization.applied',
    subject: { type: 'organization', id: row.id },
    rows: [
      { table: 'organizations', id: row.id },
      { table: 'organization_status_changes', id: change.id },
    ],
    payload: {
      name: row.name,
      kind: row.kind,
      parentId: row.parent_id,
      status,
      position,
      platform: input.platform ?? [],
      homeJurisdictions: input.homeJurisdictions ?? [],
    },
  });
  return toOrganizationView(row, new Set());
}

async function checkParent(db: Db, actor: Actor, input: CreateOrganizationInput): Promise<void> {
  if (input.kind !== 'chapter') {
    if (input.parentId)
      throw invalid('organization.parent_only_for_chapters', 'Only a chapter has a parent.');
    return;
  }
  if (!input.parentId)
    throw invalid('organization.parent_required', 'A chapter needs parentId: the member it belongs to.');
  const parent = await repo.findOrganization(db, actor.coalitionId, input.parentId);
  if (!parent)
    throw notFound('organization.not_found', 'No such parent organization.', { parentId: input.parentId });
  if (parent.kind === 'chapter' || isFinal(parent.status)) {
    throw conflict(
      'organization.parent_invalid',
      `${parent.name} cannot have chapters (it is a ${parent.kind}, ${parent.status}).`,
    );
  }
}

/** Profile edits (never the status): staff, or a delegate of an active organization. */
export async function updateOrganization(
  db: Db,
  actor: Actor,
  id: string,
  patch: UpdateOrganizationInput,
  now = new Date(),
): Promise<OrganizationView> {
  const org = await findOrganizationOr404(db, actor, id, { forUpdate: true });
  requireStaffOrDelegateOf(actor, org, 'edit its profile');
  if (isFinal(org.status))
    throw conflict('organization.final', `${org.name} is ${org.status}: its record is closed.`);
  if (patch.name) await assertNameFree(db, actor.coalitionId, patch.name, org.id);
  const position = roundPosition(patch.position);
  const row = await repo.updateOrganization(db, actor.coalitionId, org.id, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(position !== undefined ? { position } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.platform !== undefined ? { platform: JSON.stringify(patch.platform) } : {}),
    ...(patch.homeJurisdictions !== undefined
      ? { home_jurisdictions: JSON.stringify(patch.homeJurisdictions) }
      : {}),
    updated_at: now,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'organization.updated',
    subject: { type: 'organization', id: org.id },
    rows: [{ table: 'organizations', id: org.id }],
    payload: { changes: { ...patch, ...(position !== undefined ? { position } : {}) } },
  });
  return toOrganizationView(row, await ratifiedSet(db, actor.coalitionId));
}

/**
 * A recorded withdrawal: by a delegate of the organization (even while suspended: leaving is
 * always possible) or by staff recording the organization's letter.
 */
export async function withdrawOrganization(db: Db, actor: Actor, id: string, note: string, now = new Date()) {
  const org = await findOrganizationOr404(db, actor, id);
  const ownDelegate = actor.role === 'delegate' && actor.organizationId === org.id;
  if (!isStaff(actor) && !ownDelegate) {
    throw forbidden(
      'organization.not_your_delegation',
      `Only a delegate of ${org.name} or staff may record its withdrawal.`,
    );
  }
  const result = requireApplied(
    await applyTransition(db, {
      coalitionId: actor.coalitionId,
      organizationId: org.id,
      cause: 'withdrawal',
      actor,
      decisionId: null,
      note,
      now,
    }),
  );
  return { organizationId: org.id, ...result };
}

/**
 * Refuses a name that is, or looks like, another organization's (see core/rules/name-skeleton.ts):
 * a member must not be impersonated on a ballot by a zero-width space or a Cyrillic letter.
 */
async function assertNameFree(db: Db, coalitionId: string, name: string, exceptId?: string): Promise<void> {
  const others = (await repo.listOrganizationNames(db, coalitionId)).filter((row) => row.id !== exceptId);
  const taken = findLookalike(name, others);
  if (!taken) return;
  const same = taken.name.toLowerCase() === name.toLowerCase();
  const message = same
    ? `An organization named "${name}" is already registered.`
    : `"${name}" looks like "${taken.name}", which is already registered.`;
  // `issues` names the field, as a schema refusal does, so a form shows it beside the name.
  throw conflict('organization.name_taken', message, {
    existing: { id: taken.id, name: taken.name },
    issues: [{ path: 'body.name', message }],
  });
}
