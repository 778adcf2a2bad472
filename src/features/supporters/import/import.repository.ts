import { sql } from 'kysely';
import { arrayLiteral, copyLine, copyTextInto } from '../../../db/copy.ts';
import type { Db } from '../../../db/database.ts';
import type { NewPerson, Scope } from '../people.repository.ts';

/**
 * Imports go through a staging table: checked rows are loaded, batch by batch, into a temporary
 * table without indexes, constraints or WAL (`on commit drop`, so a rolled-back or dry run leaves
 * nothing); duplicates against the people already held are then found by one set-based query, and
 * the rows move into `people` (and their consents into `person_consents`) by one `INSERT … SELECT`
 * each, in list order. The same SQL on PGlite and PostgreSQL; the staging write is a COPY on both.
 */

export type StagedPerson = NewPerson & {
  id: string;
  row: number;
  consentEmail: boolean | null;
  consentPhone: boolean | null;
};

/** Must run inside a transaction (the table is dropped at its end); empties it when called twice. */
export async function createStage(db: Db): Promise<void> {
  await sql`create temporary table if not exists people_import_stage (
      row integer not null, id uuid not null, external_id text, first_name text not null, last_name text not null,
      emails text[] not null, phones text[] not null, phones_raw text[] not null, address_line1 text not null,
      address_line2 text not null, city text not null, state text not null, postal_code text not null,
      country text not null, county_fips text, tags text[] not null, custom jsonb not null, notes text not null,
      search_text text not null, consent_email boolean, consent_phone boolean
    ) on commit drop`.execute(db);
  await sql`truncate people_import_stage`.execute(db);
  // The duplicate joins hash a million contacts: memory for this transaction only.
  await sql`select set_config('work_mem', '64MB', true)`.execute(db);
}

const stageColumns = [
  'row',
  'id',
  'external_id',
  'first_name',
  'last_name',
  'emails',
  'phones',
  'phones_raw',
  'address_line1',
  'address_line2',
  'city',
  'state',
  'postal_code',
  'country',
  'county_fips',
  'tags',
  'custom',
  'notes',
  'search_text',
  'consent_email',
  'consent_phone',
] as const;

const flag = (value: boolean | null) => (value === null ? null : value ? 't' : 'f');

/** One staged row as a line of COPY text (import.service builds a batch's text as it parses). */
export function stageLine(r: StagedPerson): string {
  return copyLine([
    String(r.row),
    r.id,
    r.external_id ?? null,
    r.first_name ?? '',
    r.last_name ?? '',
    arrayLiteral(r.emails ?? []),
    arrayLiteral(r.phones ?? []),
    arrayLiteral(r.phones_raw ?? []),
    r.address_line1 ?? '',
    r.address_line2 ?? '',
    r.city ?? '',
    r.state ?? '',
    r.postal_code ?? '',
    r.country ?? '',
    r.county_fips ?? null,
    arrayLiteral(r.tags ?? []),
    r.custom ?? '{}',
    r.notes ?? '',
    r.search_text ?? '',
    flag(r.consentEmail),
    flag(r.consentPhone),
  ]);
}

/**
 * Stages lines from stageLine by one COPY (src/db/copy.ts) on the transaction's own connection:
 * the server parses one text stream, with no statement, parameter or array to build per batch.
 */
export function stageText(db: Db, text: string): Promise<void> {
  return copyTextInto(db, 'people_import_stage', stageColumns, text);
}

/** Stages rows (the demo data): stageLine and stageText at once. */
export function stagePeople(db: Db, rows: readonly StagedPerson[]): Promise<void> {
  let text = '';
  for (const row of rows) text += stageLine(row);
  return stageText(db, text);
}

export async function analyzeStage(db: Db): Promise<void> {
  await sql`analyze people_import_stage`.execute(db);
}

export interface ExistingDuplicate {
  row: number;
  contact: string;
}

/**
 * Staged rows sharing an email or phone with a person this owner already holds: the first such
 * contact of each row (emails before phones), the first `limit` rows, and how many rows in all.
 * One hash join of the staged contacts against the held ones (no per-row index probe).
 */
export async function findExistingDuplicates(
  db: Db,
  scope: Scope,
  limit: number,
): Promise<{ count: number; listed: ExistingDuplicate[] }> {
  const { rows } = await sql<{ row: number; contact: string; total: number }>`
    with held as (
      select distinct c as contact from people p, unnest(p.emails || p.phones) as c
      where p.coalition_id = ${scope.coalitionId} and p.organization_id = ${scope.organizationId} and p.merged_into is null
    ), hits as (
      select distinct on (s.row) s.row, x.contact
      from people_import_stage s, unnest(s.emails || s.phones) with ordinality as x(contact, n)
      join held h on h.contact = x.contact
      order by s.row, x.n
    )
    select row, contact, (count(*) over ())::int as total from hits order by row limit ${limit}`.execute(db);
  return {
    count: Number(rows[0]?.total ?? 0),
    listed: rows.map((r) => ({ row: r.row, contact: r.contact })),
  };
}

/**
 * The staged rows become people, then their consents; one statement each. People go in in list
 * order (last name, first name): the heap then holds a member's imported people in the order the
 * people list and name searches read them, so a page of the list is a few adjacent heap pages
 * rather than a hundred random ones (the cold-cache cost that made name search slow at a million).
 */
export async function commitStage(
  db: Db,
  scope: Scope,
  source: string,
  at: Date,
  createdAt: Date = at,
  onStep: (step: 'people' | 'consents', ms: number) => void = () => undefined,
): Promise<number> {
  let t = performance.now();
  const inserted =
    await sql`insert into people (id, coalition_id, organization_id, external_id, first_name, last_name,
      emails, phones, phones_raw, address_line1, address_line2, city, state, postal_code, country, county_fips, tags,
      custom, notes, search_text, created_at, updated_at)
    select id, ${scope.coalitionId}::uuid, ${scope.organizationId}::uuid, external_id, first_name, last_name, emails,
      phones, phones_raw, address_line1, address_line2, city, state, postal_code, country, county_fips, tags, custom,
      notes, search_text, ${createdAt}, ${createdAt}
    from people_import_stage order by lower(last_name), lower(first_name), id`.execute(db);
  onStep('people', performance.now() - t);
  t = performance.now();
  await sql`insert into person_consents (coalition_id, organization_id, person_id, channel, granted, basis, source, recorded_at)
    select ${scope.coalitionId}::uuid, ${scope.organizationId}::uuid, s.id, c.channel, c.granted, 'consent', ${source}, ${at}
    from people_import_stage s
    cross join lateral (values ('email', s.consent_email), ('phone', s.consent_phone)) as c(channel, granted)
    where c.granted is not null`.execute(db);
  onStep('consents', performance.now() - t);
  return Number(inserted.numAffectedRows ?? 0);
}
