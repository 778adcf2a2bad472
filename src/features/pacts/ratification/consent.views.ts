import type { ConsentView, PactView } from '../pacts.schema.ts';
import { iso } from '../views.ts';
import type { ConsentRow } from './consent.repository.ts';

export type RaceConsentView = ConsentView & { raceKey: string };

/** A stance is current while the race is still given to the member it was given to when spoken. */
export function toConsentView(row: ConsentRow, assignedNow: string | null): RaceConsentView {
  return {
    raceKey: row.race_key,
    organization: { id: row.organization_id, name: row.organization_name },
    stance: row.stance,
    note: row.note,
    versionNumber: row.version_number,
    assignedTo: row.assigned_organization_id,
    current: row.assigned_organization_id === assignedNow,
    recordedAt: iso(row.recorded_at),
  };
}

/** Counts of current stances, the races with an objection, and each organization's tally. */
export function summarizeConsents(consents: readonly RaceConsentView[]): PactView['consent'] {
  const current = consents.filter((c) => c.current);
  const byOrganization = new Map<string, PactView['consent']['byOrganization'][number]>();
  for (const consent of current) {
    const entry = byOrganization.get(consent.organization.id) ?? {
      organizationId: consent.organization.id,
      name: consent.organization.name,
      consents: 0,
      objections: 0,
    };
    if (consent.stance === 'consent') entry.consents += 1;
    else entry.objections += 1;
    byOrganization.set(consent.organization.id, entry);
  }
  const objections = current.filter((c) => c.stance === 'object');
  return {
    consents: current.length - objections.length,
    objections: objections.length,
    racesWithObjection: [...new Set(objections.map((c) => c.raceKey))],
    outdated: consents.length - current.length,
    byOrganization: [...byOrganization.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}
