import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { NewPerson, Scope } from '../people.repository.ts';

/**
 * Imports go through a staging table: checked rows are loaded, batch by batch, into a temporary
 * table without indexes, constraints or WAL (`on commit drop`, so a rolled-back or dry run leaves
 * nothing); duplicates against the people already held are then found by one set-based query, and
 * the rows move into `people` (and their consents into `person_consents`) by one `INSERT … SELECT`
 * each, in id order. The same SQL on PGlite and PostgreSQL. Array columns travel as text joined by
 * the unit separator (U+001F) and each column as one array parameter, unnested on the server.
 */
const unit = '\u001f';

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

/** What stands for null inside a column string. */
const nullMark = '\u0002';
const rowSep = '\u001e';

/**
 * Stages rows: each column travels as ONE text parameter, its values joined by U+001E (arrays
 * inside a value by U+001F), split on the server by string_to_array. node-postgres then sends 21
 * plain strings instead of escaping 21 arrays of 10,000 elements value by value, which was the
 * biggest cost of the JavaScript side. Those separators, and U+0002 (which stands for null), are
 * removed from every value first.
 */
export async function stagePeople(db: Db, rows: readonly StagedPerson[]): Promise<void> {
  if (rows.length === 0) return;
  const col = (pick: (row: StagedPerson) => string | null | undefined, cleaned = false) => {
    let out = '';
    for (let i = 0; i < rows.length; i += 1) {
      const value = pick(rows[i] as StagedPerson);
      // Every value after a separator, the first element dropped on the server: string_to_array turns
      // '' into no element at all, which would lose a lone empty value.
      out += rowSep;
      out += value === null || value === undefined ? nullMark : cleaned ? value : clean(value);
    }
    return out;
  };
  // Arrays: each element cleaned, then joined by U+001F (which must survive).
  const list = (pick: (row: StagedPerson) => readonly string[] | undefined) =>
    col((r) => (pick(r) ?? []).map(clean).join(unit), true);
  const flag = (value: boolean | null) => (value === null ? null : value ? 't' : 'f');
  const text = (param: string) => sql`(string_to_array(${param}, chr(30), chr(2)))[2:]`;
  await sql`insert into people_import_stage
    select t.row::int, t.id::uuid, t.external_id, t.first_name, t.last_name,
      string_to_array(t.emails, chr(31)), string_to_array(t.phones, chr(31)), string_to_array(t.phones_raw, chr(31)),
      t.line1, t.line2, t.city, t.state, t.postal, t.country, t.county, string_to_array(t.tags, chr(31)),
      t.custom::jsonb, t.notes, t.search, t.consent_email::boolean, t.consent_phone::boolean
    from unnest(${text(col((r) => String(r.row)))}, ${text(col((r) => r.id))}, ${text(col((r) => r.external_id))},
      ${text(col((r) => r.first_name ?? ''))}, ${text(col((r) => r.last_name ?? ''))},
      ${text(list((r) => r.emails))}, ${text(list((r) => r.phones))}, ${text(list((r) => r.phones_raw))},
      ${text(col((r) => r.address_line1 ?? ''))}, ${text(col((r) => r.address_line2 ?? ''))}, ${text(col((r) => r.city ?? ''))},
      ${text(col((r) => r.state ?? ''))}, ${text(col((r) => r.postal_code ?? ''))}, ${text(col((r) => r.country ?? ''))},
      ${text(col((r) => r.county_fips))}, ${text(list((r) => r.tags))}, ${text(col((r) => r.custom))},
      ${text(col((r) => r.notes ?? ''))}, ${text(col((r) => r.search_text ?? ''))},
      ${text(col((r) => flag(r.consentEmail)))}, ${text(col((r) => flag(r.consentPhone)))})
      as t(row, id, external_id, first_name, last_name, emails, phones, phones_raw, line1, line2, city, state, postal, country,
        county, tags, custom, notes, search, consent_email, consent_phone)`.execute(db);
}

// Built from a string: these are control characters on purpose.
const separatorClass = '[\\u0002\\u001e\\u001f]';
const hasSeparator = new RegExp(separatorClass);
const separators = new RegExp(separatorClass, 'g');
const clean = (value: string) => (hasSeparator.test(value) ? value.replace(separators, '') : value);

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
