import type { Selectable } from 'kysely';
import type { PersonActivitiesTable, PersonConsentsTable } from '../../db/tables/supporters.ts';
import type { PersonRow } from './people.repository.ts';
import type { listLinks } from './records.repository.ts';
import {
  type ConsentChannel,
  type ConsentRecord,
  consentChannels,
  type PersonView,
} from './supporters.schema.ts';

type ConsentRow = Selectable<PersonConsentsTable>;
type ActivityRow = Selectable<PersonActivitiesTable>;
type LinkRow = Awaited<ReturnType<typeof listLinks>>[number];

const iso = (date: Date | string) => new Date(date).toISOString();

export function toConsentRecord(row: ConsentRow): ConsentRecord {
  return {
    id: row.id,
    channel: row.channel,
    granted: row.granted,
    basis: row.basis,
    source: row.source,
    recordedAt: iso(row.recorded_at),
    withdrawnAt: row.withdrawn_at ? iso(row.withdrawn_at) : null,
    withdrawalSource: row.withdrawal_source,
  };
}

/** Per channel: the latest record decides; a withdrawn grant or a denial means no. */
export function usableChannels(records: readonly ConsentRecord[]): Record<ConsentChannel, boolean> {
  const usable = Object.fromEntries(consentChannels.map((c) => [c, false])) as Record<
    ConsentChannel,
    boolean
  >;
  for (const record of records) usable[record.channel] = record.granted && record.withdrawnAt === null;
  return usable;
}

export function toPersonView(
  row: PersonRow,
  consents: readonly ConsentRow[],
  activities: readonly ActivityRow[],
  links: readonly LinkRow[],
): PersonView {
  const consentRecords = consents.map(toConsentRecord);
  return {
    id: row.id,
    organizationId: row.organization_id,
    externalId: row.external_id,
    firstName: row.first_name,
    lastName: row.last_name,
    emails: row.emails,
    phones: row.phones,
    address: {
      line1: row.address_line1,
      line2: row.address_line2,
      city: row.city,
      state: row.state,
      postalCode: row.postal_code,
      country: row.country,
      countyFips: row.county_fips,
    },
    tags: row.tags,
    custom: row.custom,
    notes: row.notes,
    stage: row.stage,
    consent: usableChannels(consentRecords),
    consents: consentRecords,
    activities: activities.map((a) => ({
      id: a.id,
      kind: a.kind,
      occurredOn: a.occurred_on,
      label: a.label,
      quantity: a.quantity,
      amountCents: a.amount_cents === null ? null : Number(a.amount_cents),
    })),
    links: links.map((l) => ({
      id: l.id,
      organizationId: l.other_organization_id,
      organizationName: l.other_organization_name,
      basis: l.basis,
      source: l.source,
      consentedAt: iso(l.consented_at),
    })),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
