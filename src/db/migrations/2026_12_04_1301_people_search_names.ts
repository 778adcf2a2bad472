import { type Kysely, sql } from 'kysely';

/**
 * Supporters at a million rows (docs/supporters.md, "Benchmarks"): the trigram index is the most
 * expensive one to keep up on a bulk import (one entry per trigram per row), so `search_text` now
 * holds the names only (lower case); emails and phones are found exactly through their own GIN
 * indexes. About a third of the trigrams per row, the same index name and operator class.
 *
 * The primary key on `id` alone goes too: every query and every foreign key names the owner with the
 * id, through the unique `(organization_id, id)` key, so the second B-tree over the same random ids
 * was one more index to keep up on every inserted row and used by nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table people drop constraint people_pkey`.execute(db);
  await sql`update people set search_text = lower(btrim(first_name || ' ' || last_name))
    where search_text is distinct from lower(btrim(first_name || ' ' || last_name))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table people add constraint people_pkey primary key (id)`.execute(db);
  await sql`update people set search_text = lower(btrim(concat_ws(' ', nullif(first_name, ''), nullif(last_name, ''),
    array_to_string(emails, ' '), array_to_string(phones, ' '), nullif(city, ''))))`.execute(db);
}
