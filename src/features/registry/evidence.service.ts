import type { Actor } from '../../core/actor.ts';
import { requireStaff, requireStaffOrDelegateOf } from '../../core/authorize.ts';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { isFinal } from '../../core/rules/lifecycle.ts';
import { currentFigure, type EvidenceFact, type StrengthMetric } from '../../core/rules/strength.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import * as repo from './evidence.repository.ts';
import { findOrganizationOr404 } from './organizations.service.ts';
import type { EvidenceInput, EvidenceView } from './registry.schema.ts';
import { toEvidenceView } from './views.ts';

export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** A member's delegate (or staff) submits a figure; it counts where rules ask for verified figures only once staff verify it. */
export async function submitEvidence(
  db: Db,
  actor: Actor,
  organizationId: string,
  input: EvidenceInput,
  now = new Date(),
): Promise<EvidenceView> {
  const org = await findOrganizationOr404(db, actor, organizationId);
  requireStaffOrDelegateOf(actor, org, 'submit strength evidence');
  if (isFinal(org.status))
    throw conflict('organization.final', `${org.name} is ${org.status}: its record is closed.`);
  // A figure is evidence of what was, never of what will be. Today counts wherever on Earth it is today.
  const latest = new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
  if (input.asOf > latest) {
    throw invalid(
      'evidence.future_date',
      `asOf ${input.asOf} is in the future: evidence is dated when it was true.`,
      {
        field: 'asOf',
        latest,
      },
    );
  }
  const row = await repo.insertEvidence(db, {
    coalition_id: actor.coalitionId,
    organization_id: org.id,
    metric: input.metric,
    value: input.value,
    as_of: input.asOf,
    source: input.source,
    note: input.note ?? '',
    submitted_by: actor.userId,
    created_at: now,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'evidence.submitted',
    subject: { type: 'organization', id: org.id },
    rows: [{ table: 'strength_evidence', id: row.id }],
    payload: {
      evidenceId: row.id,
      metric: input.metric,
      value: input.value,
      asOf: input.asOf,
      source: input.source,
    },
  });
  return toEvidenceView(row);
}

export async function verifyEvidence(
  db: Db,
  actor: Actor,
  organizationId: string,
  evidenceId: string,
  now = new Date(),
): Promise<EvidenceView> {
  requireStaff(actor, 'verify strength evidence');
  const org = await findOrganizationOr404(db, actor, organizationId);
  const evidence = await repo.findEvidence(db, actor.coalitionId, org.id, evidenceId);
  if (!evidence) throw notFound('evidence.not_found', 'No such evidence for this organization.');
  if (evidence.verified_at) throw conflict('evidence.already_verified', 'This evidence is already verified.');
  const row = await repo.markVerified(db, evidence.id, actor.userId, now);
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'evidence.verified',
    subject: { type: 'organization', id: org.id },
    rows: [{ table: 'strength_evidence', id: row.id }],
    payload: { evidenceId: row.id, metric: row.metric, value: Number(row.value), asOf: row.as_of },
  });
  return toEvidenceView(row);
}

/** Every organization's evidence as facts for the pure rules, keyed by organization id. */
export async function evidenceFacts(
  db: Db,
  coalitionId: string,
  organizationIds: readonly string[],
): Promise<Map<string, EvidenceFact[]>> {
  const facts = new Map<string, EvidenceFact[]>(organizationIds.map((id) => [id, []]));
  for (const row of await repo.listEvidence(db, coalitionId, organizationIds)) {
    facts.get(row.organization_id)?.push({
      metric: row.metric,
      value: Number(row.value),
      asOf: row.as_of,
      verified: row.verified_at !== null,
    });
  }
  return facts;
}

/** Each organization's current verified figure for a metric (0 without one): the strength that weighs votes. */
export async function verifiedStrengths(
  db: Db,
  coalitionId: string,
  organizationIds: readonly string[],
  metric: StrengthMetric,
  today: string,
): Promise<Map<string, number>> {
  const facts = await evidenceFacts(db, coalitionId, organizationIds);
  return new Map(
    organizationIds.map((id) => [
      id,
      currentFigure(facts.get(id) ?? [], metric, { verifiedOnly: true, withinDays: null, today })?.value ?? 0,
    ]),
  );
}
