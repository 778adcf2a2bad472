import { type Kysely, sql } from 'kysely';

/**
 * Duplicate candidates at a million people (docs/supporters.md, "Duplicates and merge"): close names
 * at the same postal code are read through this index, a few dozen people per code, where probing
 * the trigram index on the names for each person took some 35 ms a probe at a million rows. Partial:
 * people without a postal code (most bulk imports) cost it nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index people_postal_idx on people (organization_id, postal_code)
    where postal_code <> '' and merged_into is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index people_postal_idx`.execute(db);
}
