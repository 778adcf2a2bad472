import type { Actor } from '../../core/actor.ts';
import { type AdmissionVerdict, evaluateAdmission } from '../../core/rules/admission.ts';
import type { Db } from '../../db/database.ts';
import { ratifiedSet } from './charter.service.ts';
import { evidenceFacts, isoDay } from './evidence.service.ts';
import type { OrganizationRow } from './organizations.repository.ts';
import { findOrganizationOr404 } from './organizations.service.ts';
import { getSettings } from './settings.service.ts';

/** Judges an organization against the coalition's admission rule as of `now`. */
export async function evaluateAdmissionOf(
  db: Db,
  coalitionId: string,
  org: OrganizationRow,
  now: Date,
): Promise<AdmissionVerdict & { organizationId: string; today: string }> {
  const [settings, facts, ratified] = await Promise.all([
    getSettings(db, coalitionId),
    evidenceFacts(db, coalitionId, [org.id]),
    ratifiedSet(db, coalitionId),
  ]);
  const today = isoDay(now);
  const verdict = evaluateAdmission(settings.admissionRule, {
    evidence: facts.get(org.id) ?? [],
    charterRatified: ratified.has(org.id),
    today,
  });
  return { organizationId: org.id, today, ...verdict };
}

export async function checkAdmission(db: Db, actor: Actor, organizationId: string, now = new Date()) {
  const org = await findOrganizationOr404(db, actor, organizationId);
  return evaluateAdmissionOf(db, actor.coalitionId, org, now);
}
