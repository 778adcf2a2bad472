import type { z } from 'zod';
import type { Actor } from '../../core/actor.ts';
import { requireAdmin, requireDelegateOf } from '../../core/authorize.ts';
import { conflict, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit, charterRatificationRowId } from '../audit/index.ts';
import * as repo from './charter.repository.ts';
import { findOrganization, listOrganizations } from './organizations.repository.ts';
import type { charterStatusSchema, charterVersionSchema, plankSchema } from './registry.schema.ts';
import { iso } from './views.ts';

type Plank = z.infer<typeof plankSchema>;
type CharterVersionView = z.infer<typeof charterVersionSchema>;

function toVersionView(
  row: NonNullable<Awaited<ReturnType<typeof repo.currentCharter>>>,
): CharterVersionView {
  return {
    id: row.id,
    version: row.version,
    planks: row.planks,
    adoptedAt: iso(row.adopted_at),
    decisionId: row.decision_id,
  };
}

/** Ids of the organizations that ratified the current charter version (none without a charter). */
export async function ratifiedSet(db: Db, coalitionId: string): Promise<Set<string>> {
  const current = await repo.currentCharter(db, coalitionId);
  if (!current) return new Set();
  const rows = await repo.listRatifications(db, coalitionId, current.id);
  return new Set(rows.map((r) => r.organization_id));
}

export async function getCharterStatus(db: Db, actor: Actor): Promise<z.infer<typeof charterStatusSchema>> {
  const current = await repo.currentCharter(db, actor.coalitionId);
  const ratifications = current ? await repo.listRatifications(db, actor.coalitionId, current.id) : [];
  const at = new Map(ratifications.map((r) => [r.organization_id, r.ratified_at]));
  const orgs = (await listOrganizations(db, actor.coalitionId, {})).filter(
    (o) => o.status === 'member' || o.status === 'applicant' || at.has(o.id),
  );
  return {
    current: current ? toVersionView(current) : null,
    ratified: orgs.flatMap((o) => {
      const when = at.get(o.id);
      return when ? [{ organizationId: o.id, name: o.name, ratifiedAt: iso(when) }] : [];
    }),
    notRatified: orgs
      .filter((o) => !at.has(o.id))
      .map((o) => ({ organizationId: o.id, name: o.name, status: o.status })),
  };
}

export async function listCharterVersions(db: Db, actor: Actor): Promise<CharterVersionView[]> {
  return (await repo.listCharterVersions(db, actor.coalitionId)).map(toVersionView);
}

/** The founding charter (version 1). Every later version comes only from a charter-amendment decision. */
export async function foundCharter(db: Db, actor: Actor, planks: Plank[], now = new Date()) {
  requireAdmin(actor, 'adopt the founding charter');
  if (await repo.currentCharter(db, actor.coalitionId)) {
    throw conflict(
      'charter.exists',
      'The coalition already has a charter: a new version comes only from a charter-amendment decision.',
    );
  }
  const row = await repo.insertCharterVersion(db, {
    coalition_id: actor.coalitionId,
    version: 1,
    planks: JSON.stringify(planks),
    adopted_at: now,
    decision_id: null,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'charter.founded',
    subject: { type: 'charter', id: row.id },
    rows: [{ table: 'charter_versions', id: row.id }],
    payload: { version: 1, planks },
  });
  return toVersionView(row);
}

/** A charter-amendment decision passed: its planks become the next version, to be ratified anew. */
export async function adoptCharterVersion(
  db: Db,
  input: { coalitionId: string; planks: Plank[]; decisionId: string; now: Date },
): Promise<CharterVersionView> {
  const current = await repo.currentCharter(db, input.coalitionId);
  const version = (current?.version ?? 0) + 1;
  const row = await repo.insertCharterVersion(db, {
    coalition_id: input.coalitionId,
    version,
    planks: JSON.stringify(input.planks),
    adopted_at: input.now,
    decision_id: input.decisionId,
  });
  await appendAudit(db, {
    coalitionId: input.coalitionId,
    actor: null,
    action: 'charter.amended',
    subject: { type: 'charter', id: row.id },
    rows: [{ table: 'charter_versions', id: row.id }],
    payload: { version, decisionId: input.decisionId, planks: input.planks },
  });
  return toVersionView(row);
}

/** A delegate ratifies the current charter for its organization (idempotent). */
export async function ratifyCharter(db: Db, actor: Actor, organizationId: string, now = new Date()) {
  const org = await findOrganization(db, actor.coalitionId, organizationId);
  if (!org) throw notFound('organization.not_found', 'No such organization.');
  requireDelegateOf(actor, org, 'ratify the charter');
  const current = await repo.currentCharter(db, actor.coalitionId);
  if (!current) throw conflict('charter.none', 'The coalition has no charter to ratify yet.');
  const recorded = await repo.insertRatification(db, {
    coalitionId: actor.coalitionId,
    charterVersionId: current.id,
    organizationId: org.id,
    ratifiedBy: actor.userId,
    at: now,
  });
  if (recorded) {
    await appendAudit(db, {
      coalitionId: actor.coalitionId,
      actor,
      action: 'charter.ratified',
      subject: { type: 'organization', id: org.id },
      rows: [{ table: 'charter_ratifications', id: charterRatificationRowId(current.id, org.id) }],
      payload: { charterVersionId: current.id, version: current.version },
    });
  }
  return { organizationId: org.id, version: current.version, ratified: true as const, recorded };
}
