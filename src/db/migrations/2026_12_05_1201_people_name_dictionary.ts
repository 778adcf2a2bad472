import { type Kysely, sql } from 'kysely';

/**
 * Name search at a million people (docs/supporters.md, "Search at a million"). The list is in
 * (last name, first name, id) order and a name fragment matches rows in two ways: through the last
 * name (rows that sit together in that order) or through the first name (rows scattered over it).
 * The search reads each matching name as its own ordered stream and merges them, stopping at a
 * page, instead of fetching every match and sorting it; for that it needs:
 *
 * - `people_names`: each owner's distinct lower-cased first and last names, a dictionary of a few
 *   thousand words where the people are a million, in which a fragment is looked up first. Filled
 *   by statement-level triggers from every insert and update of people (one set-based insert per
 *   statement, so a million-row import pays one distinct over its rows, not a call per row). A name
 *   no longer held by anyone stays: it only costs an empty stream, never a wrong row.
 * - `people_first_name_idx`: one first name's people in list order (the last-name streams read
 *   `people_list_idx`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table people_names (
    organization_id uuid not null references organizations (id) on delete cascade,
    part text not null check (part in ('first', 'last')),
    name text not null,
    primary key (organization_id, part, name)
  )`.execute(db);
  await sql`create index people_names_trgm on people_names using gin (name gin_trgm_ops)`.execute(db);
  await sql`create function people_names_collect() returns trigger language plpgsql as $$
    begin
      insert into people_names (organization_id, part, name)
        select organization_id, 'last', lower(last_name) from new_rows where last_name <> ''
        union
        select organization_id, 'first', lower(first_name) from new_rows where first_name <> ''
      on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`create trigger people_names_on_insert after insert on people
    referencing new table as new_rows for each statement execute function people_names_collect()`.execute(db);
  await sql`create trigger people_names_on_update after update on people
    referencing new table as new_rows for each statement execute function people_names_collect()`.execute(db);
  await sql`insert into people_names (organization_id, part, name)
    select organization_id, 'last', lower(last_name) from people where last_name <> ''
    union
    select organization_id, 'first', lower(first_name) from people where first_name <> ''
    on conflict do nothing`.execute(db);
  await sql`create index people_first_name_idx on people (organization_id, lower(first_name), lower(last_name), id)
    where merged_into is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index people_first_name_idx`.execute(db);
  await sql`drop trigger people_names_on_update on people`.execute(db);
  await sql`drop trigger people_names_on_insert on people`.execute(db);
  await sql`drop function people_names_collect()`.execute(db);
  await sql`drop table people_names`.execute(db);
}
