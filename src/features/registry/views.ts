import type { OrganizationRow } from './organizations.repository.ts';
import type { EvidenceView, OrganizationView } from './registry.schema.ts';

const iso = (value: Date | string): string => new Date(value).toISOString();

export function toOrganizationView(row: OrganizationRow, ratified: ReadonlySet<string>): OrganizationView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    parentId: row.parent_id,
    status: row.status,
    position: row.position === null ? null : Number(row.position),
    description: row.description,
    platform: row.platform,
    homeJurisdictions: row.home_jurisdictions,
    charterRatified: ratified.has(row.id),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function toEvidenceView(row: {
  id: string;
  organization_id: string;
  metric: EvidenceView['metric'];
  value: number;
  as_of: string;
  source: string;
  note: string;
  verified_at: Date | null;
  created_at: Date;
}): EvidenceView {
  return {
    id: row.id,
    organizationId: row.organization_id,
    metric: row.metric,
    value: Number(row.value),
    asOf: row.as_of,
    source: row.source,
    note: row.note,
    verified: row.verified_at !== null,
    verifiedAt: row.verified_at ? iso(row.verified_at) : null,
    submittedAt: iso(row.created_at),
  };
}

export { iso };
