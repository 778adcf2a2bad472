import { type Kysely, sql } from 'kysely';

/**
 * The size of each place (its votes cast: the largest result unit reported there), per scope, so
 * the place search (docs/map.md "Finding a place") ranks by a stored figure instead of looking up
 * every match's result units on every query. One row per jurisdiction for reference results
 * (coalition_id null) and one per jurisdiction and coalition for a coalition's imported results.
 *
 * Kept by statement-level triggers on result_units (with transition tables, so a load of 28,000
 * units recomputes each touched place once), which also see cascaded deletes: a reloaded dataset,
 * a coalition's replaced import, a deleted coalition or jurisdiction all keep the sizes right
 * without every writer remembering to refresh them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('place_sizes')
    .addColumn('jurisdiction_id', 'uuid', (col) =>
      col.notNull().references('jurisdictions.id').onDelete('cascade'),
    )
    .addColumn('coalition_id', 'uuid', (col) => col.references('coalitions.id').onDelete('cascade'))
    .addColumn('votes_cast', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('place_sizes_reference_key')
    .on('place_sizes')
    .column('jurisdiction_id')
    .unique()
    .where(sql.ref('coalition_id'), 'is', null)
    .execute();
  await db.schema
    .createIndex('place_sizes_coalition_key')
    .on('place_sizes')
    .columns(['jurisdiction_id', 'coalition_id'])
    .unique()
    .where(sql.ref('coalition_id'), 'is not', null)
    .execute();

  // `changed` is the statement's transition table: the rows inserted, deleted, or (for an update)
  // one trigger each for the old and the new rows. Every touched (place, scope) is recomputed.
  await sql`
    create function place_sizes_refresh() returns trigger language plpgsql as $$
    begin
      delete from place_sizes s
        using (select distinct jurisdiction_id, coalition_id from changed) c
        where s.jurisdiction_id = c.jurisdiction_id and s.coalition_id is not distinct from c.coalition_id;
      insert into place_sizes (jurisdiction_id, coalition_id, votes_cast)
        select ru.jurisdiction_id, ru.coalition_id, coalesce(max(ru.total_votes), 0)
        from result_units ru
        join (select distinct jurisdiction_id, coalition_id from changed) c
          on ru.jurisdiction_id = c.jurisdiction_id and ru.coalition_id is not distinct from c.coalition_id
        group by ru.jurisdiction_id, ru.coalition_id;
      return null;
    end $$`.execute(db);
  await sql`create trigger place_sizes_on_insert after insert on result_units
    referencing new table as changed for each statement execute function place_sizes_refresh()`.execute(db);
  await sql`create trigger place_sizes_on_delete after delete on result_units
    referencing old table as changed for each statement execute function place_sizes_refresh()`.execute(db);
  await sql`create trigger place_sizes_on_update_old after update on result_units
    referencing old table as changed for each statement execute function place_sizes_refresh()`.execute(db);
  await sql`create trigger place_sizes_on_update_new after update on result_units
    referencing new table as changed for each statement execute function place_sizes_refresh()`.execute(db);

  await sql`
    insert into place_sizes (jurisdiction_id, coalition_id, votes_cast)
    select jurisdiction_id, coalition_id, coalesce(max(total_votes), 0)
    from result_units group by jurisdiction_id, coalition_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ['insert', 'delete', 'update_old', 'update_new']) {
    await sql`drop trigger ${sql.raw(`place_sizes_on_${name}`)} on result_units`.execute(db);
  }
  await sql`drop function place_sizes_refresh()`.execute(db);
  await db.schema.dropTable('place_sizes').execute();
}
