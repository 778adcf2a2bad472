import { type Actor, requireRole } from '../../core/actor.ts';
import { requireActive } from '../../core/authorize.ts';
import { forbidden } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { findOrganizationOr404 } from '../registry/index.ts';
import { AllocationReportSchema } from './allocate.schema.ts';
import * as consentRepo from './consent.repository.ts';
import { type ConsentInput, versionLabelsSchema } from './pacts.schema.ts';
import { loadPact, standingOf } from './pacts.service.ts';
import { requireRaces } from './rules.service.ts';
import { requireDraft } from './standing.service.ts';
import { findVersion } from './versions.repository.ts';
import { iso } from './views.ts';

/**
 * A member's local branch consents to, or objects to, the pact's choice in one race: recorded by
 * a delegate for their own organization only, while the pact is not ratified (a pact under vote
 * still hears its branches). The stance remembers which version it answered.
 */
export async function recordConsent(
  db: Db,
  actor: Actor,
  pactId: string,
  race: string,
  input: ConsentInput,
  now = new Date(),
) {
  requireRole(actor, ['delegate'], 'record local consent');
  const organizationId = input.organizationId ?? actor.organizationId;
  if (!organizationId || organizationId !== actor.organizationId) {
    throw forbidden(
      'pact.not_your_organization',
      'A delegate records consent for its own organization only.',
      {
        organizationId: organizationId ?? null,
      },
    );
  }
  const pact = await loadPact(db, actor, pactId, { forUpdate: true });
  const standing = await standingOf(db, actor, pact.id);
  if (standing.status === 'ratified') requireDraft(standing, pact.name);
  await requireRaces(db, pact, [race]);
  const organization = await findOrganizationOr404(db, actor, organizationId);
  requireActive(organization, 'record local consent');
  if (!pact.members.some((member) => member.organizationId === organizationId)) {
    throw forbidden('pact.consent_not_member', `${organization.name} is not a member of this pact.`, {
      organizationId,
    });
  }
  const latest = await findVersion(db, pact.id);
  const key = latest ? AllocationReportSchema.parse(latest.result).assignments[race] : null;
  const assigned = key && latest ? versionLabelsSchema.parse(latest.labels).members[key] : undefined;
  const row = await consentRepo.upsertConsent(db, {
    coalition_id: pact.coalitionId,
    pact_id: pact.id,
    race_key: race,
    organization_id: organizationId,
    stance: input.stance,
    note: input.note ?? '',
    version_number: latest?.number ?? null,
    assigned_organization_id: assigned?.organizationId ?? null,
    recorded_by: actor.userId,
    recorded_at: now,
  });
  await appendAudit(db, {
    coalitionId: pact.coalitionId,
    actor,
    action: 'pact.consent_recorded',
    subject: { type: 'pact', id: pact.id },
    payload: {
      race,
      organizationId,
      stance: row.stance,
      note: row.note,
      version: row.version_number,
      assignedTo: row.assigned_organization_id,
    },
  });
  return {
    race,
    organization: { id: organization.id, name: organization.name },
    stance: row.stance,
    note: row.note,
    versionNumber: row.version_number,
    assignedTo: row.assigned_organization_id,
    current: true,
    recordedAt: iso(row.recorded_at),
  };
}
