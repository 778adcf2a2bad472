import type { Actor } from '../../core/actor.ts';
import { isStaff } from '../../core/actor.ts';
import type { Db } from '../../db/database.ts';
import { listAwaitedDecisions } from '../decisions/index.ts';
import { getPactView, listPactViews } from '../pacts/index.ts';
import { listOrganizationViews } from '../registry/index.ts';
import type { TodayResponse } from './today.schema.ts';

/**
 * The dashboard's to-dos, assembled from the features' own reads so each keeps its scoping: staff
 * see the whole coalition's, a delegate or organizer only its own organization's.
 */
export async function getToday(
  db: Db,
  actor: Actor,
  withinHours: number,
  now = new Date(),
): Promise<TodayResponse> {
  const [decisions, applications, consents] = await Promise.all([
    listAwaitedDecisions(db, actor, withinHours, now),
    pendingApplications(db, actor),
    awaitedConsents(db, actor),
  ]);
  return { withinHours, decisions, applications, consents };
}

async function pendingApplications(db: Db, actor: Actor): Promise<TodayResponse['applications']> {
  const applicants = await listOrganizationViews(db, actor, { status: 'applicant' });
  return applicants
    .filter((org) => isStaff(actor) || org.id === actor.organizationId)
    .map((org) => ({ id: org.id, name: org.name, charterRatified: org.charterRatified }));
}

/**
 * Races given to a member in the latest version of a pact not yet ratified, on which that member's
 * branch has no current stance (consent or objection).
 */
async function awaitedConsents(db: Db, actor: Actor): Promise<TodayResponse['consents']> {
  if (!isStaff(actor) && !actor.organizationId) return [];
  const result: TodayResponse['consents'] = [];
  for (const summary of await listPactViews(db, actor)) {
    if (summary.status === 'ratified' || !summary.latestVersion) continue;
    if (!isStaff(actor) && !summary.members.some((m) => m.organizationId === actor.organizationId)) continue;
    const pact = await getPactView(db, actor, summary.id);
    const byOrganization = new Map<string, TodayResponse['consents'][number]>();
    for (const race of pact.races) {
      const assigned = race.assigned;
      if (!assigned) continue;
      if (!isStaff(actor) && assigned.organizationId !== actor.organizationId) continue;
      const spoken = race.consents.some((c) => c.current && c.organization.id === assigned.organizationId);
      if (spoken) continue;
      const entry = byOrganization.get(assigned.organizationId) ?? {
        pactId: pact.id,
        pactName: pact.name,
        organization: { organizationId: assigned.organizationId, name: assigned.name },
        races: [],
      };
      entry.races.push({ key: race.key, name: race.name });
      byOrganization.set(assigned.organizationId, entry);
    }
    result.push(
      ...[...byOrganization.values()].sort((a, b) => a.organization.name.localeCompare(b.organization.name)),
    );
  }
  return result;
}
