import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { NewPerson, Scope } from '../people.repository.ts';

/**
 * Set-based inserts for imports: one statement per batch, each column sent as one array and
 * unnested on the server (a fixed number of parameters whatever the batch size, the same SQL for
 * PGlite and PostgreSQL). Array columns travel as text joined by the unit separator (U+001F).
 */
const unit = '\u001f';

export async function bulkInsertPeople(db: Db, scope: Scope, rows: readonly (NewPerson & { id: string })[]) {
  if (rows.length === 0) return;
  const col = <T>(pick: (row: NewPerson & { id: string }) => T) => rows.map(pick);
  await sql`insert into people (id, coalition_id, organization_id, external_id, first_name, last_name, emails, phones,
      phones_raw, address_line1, address_line2, city, state, postal_code, country, county_fips, tags, custom, notes, search_text)
    select t.id, ${scope.coalitionId}::uuid, ${scope.organizationId}::uuid, t.external_id, t.first_name, t.last_name,
      string_to_array(t.emails, chr(31)), string_to_array(t.phones, chr(31)), string_to_array(t.phones_raw, chr(31)),
      t.line1, t.line2, t.city, t.state, t.postal, t.country, t.county, string_to_array(t.tags, chr(31)),
      t.custom::jsonb, t.notes, t.search
    from unnest(${col((r) => r.id)}::uuid[], ${col((r) => r.external_id ?? null)}::text[], ${col((r) => r.first_name ?? '')}::text[],
      ${col((r) => r.last_name ?? '')}::text[], ${col((r) => (r.emails ?? []).join(unit))}::text[],
      ${col((r) => (r.phones ?? []).join(unit))}::text[], ${col((r) => (r.phones_raw ?? []).join(unit))}::text[],
      ${col((r) => r.address_line1 ?? '')}::text[], ${col((r) => r.address_line2 ?? '')}::text[], ${col((r) => r.city ?? '')}::text[],
      ${col((r) => r.state ?? '')}::text[], ${col((r) => r.postal_code ?? '')}::text[], ${col((r) => r.country ?? '')}::text[],
      ${col((r) => r.county_fips ?? null)}::text[], ${col((r) => (r.tags ?? []).join(unit))}::text[], ${col((r) => r.custom)}::text[],
      ${col((r) => r.notes ?? '')}::text[], ${col((r) => r.search_text ?? '')}::text[])
      as t(id, external_id, first_name, last_name, emails, phones, phones_raw, line1, line2, city, state, postal, country,
        county, tags, custom, notes, search)`.execute(db);
}

export interface ImportedConsent {
  personId: string;
  channel: 'email' | 'phone';
  granted: boolean;
}

export async function bulkInsertConsents(
  db: Db,
  scope: Scope,
  consents: readonly ImportedConsent[],
  source: string,
  at: Date,
) {
  if (consents.length === 0) return;
  await sql`insert into person_consents (coalition_id, organization_id, person_id, channel, granted, basis, source, recorded_at)
    select ${scope.coalitionId}::uuid, ${scope.organizationId}::uuid, t.person_id, t.channel, t.granted, 'consent', ${source}, ${at}
    from unnest(${consents.map((c) => c.personId)}::uuid[], ${consents.map((c) => c.channel)}::text[],
      ${consents.map((c) => c.granted)}::boolean[]) as t(person_id, channel, granted)`.execute(db);
}
