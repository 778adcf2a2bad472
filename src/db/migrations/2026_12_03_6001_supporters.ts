import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

const uuidPk = (col: ColumnDefinitionBuilder) => col.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = sql`now()`;
const emptyText = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo('');
const emptyArray = (col: ColumnDefinitionBuilder) => col.notNull().defaultTo(sql`'{}'`);

/**
 * Supporters (src/features/supporters, docs/supporters.md): people owned by exactly one member
 * organization. Every table carries coalition_id and organization_id, and every key that points at a
 * person includes the owning organization, so no row can reference another member's person. There is
 * no column for race, ethnicity or religion, and custom fields under those names are refused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Fuzzy name and address matching for duplicates; PGlite loads the extension in connect.ts.
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable('people')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('external_id', 'text')
    .addColumn('first_name', 'text', emptyText)
    .addColumn('last_name', 'text', emptyText)
    // Normalized: emails lower-cased and trimmed, phones E.164 (phones_raw keeps what was given).
    .addColumn('emails', sql`text[]`, emptyArray)
    .addColumn('phones', sql`text[]`, emptyArray)
    .addColumn('phones_raw', sql`text[]`, emptyArray)
    .addColumn('address_line1', 'text', emptyText)
    .addColumn('address_line2', 'text', emptyText)
    .addColumn('city', 'text', emptyText)
    .addColumn('state', 'text', emptyText)
    .addColumn('postal_code', 'text', emptyText)
    .addColumn('country', 'text', emptyText)
    .addColumn('county_fips', 'text', (col) => col.check(sql`county_fips ~ '^[0-9]{5}$'`))
    .addColumn('tags', sql`text[]`, emptyArray)
    .addColumn('custom', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('notes', 'text', emptyText)
    // Lower-cased names, emails and city, kept by the service: what search and fuzzy matching read.
    .addColumn('search_text', 'text', emptyText)
    .addColumn('stage', 'text')
    // A merged person stays (so the merge can be undone) but is hidden from every list and count.
    .addColumn('merged_into', 'uuid')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('people_owner_key', ['organization_id', 'id'])
    .addForeignKeyConstraint('people_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();
  await sql`create index people_list_idx on people (organization_id, lower(last_name), lower(first_name), id) where merged_into is null`.execute(
    db,
  );
  await sql`create index people_search_trgm on people using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index people_emails_idx on people using gin (emails)`.execute(db);
  await sql`create index people_phones_idx on people using gin (phones)`.execute(db);
  await sql`create index people_tags_idx on people using gin (tags)`.execute(db);
  await sql`create index people_county_idx on people (coalition_id, county_fips)`.execute(db);

  await db.schema
    .createTable('person_consents')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('person_id', 'uuid', (col) => col.notNull())
    .addColumn('channel', 'text', (col) =>
      col.notNull().check(sql`channel in ('email', 'phone', 'sms', 'post')`),
    )
    .addColumn('granted', 'boolean', (col) => col.notNull())
    .addColumn('basis', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('recorded_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawal_source', 'text')
    .addForeignKeyConstraint(
      'person_consents_person_fk',
      ['organization_id', 'person_id'],
      'people',
      ['organization_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await sql`create index person_consents_person_idx on person_consents (person_id, channel, recorded_at)`.execute(
    db,
  );

  await db.schema
    .createTable('person_activities')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('person_id', 'uuid', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('event', 'shift', 'petition', 'donation')`),
    )
    .addColumn('occurred_on', 'text', (col) =>
      col.notNull().check(sql`occurred_on ~ '^\\d{4}-\\d{2}-\\d{2}$'`),
    )
    .addColumn('label', 'text', emptyText)
    // Petitions: signatures gathered; shifts: hours. Donations: the amount only, in cents.
    .addColumn('quantity', 'integer')
    .addColumn('amount_cents', 'bigint', (col) => col.check(sql`amount_cents is null or amount_cents >= 0`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addForeignKeyConstraint(
      'person_activities_person_fk',
      ['organization_id', 'person_id'],
      'people',
      ['organization_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await sql`create index person_activities_person_idx on person_activities (person_id, occurred_on)`.execute(
    db,
  );

  await db.schema
    .createTable('person_custom_fields')
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('person_custom_fields_pk', ['organization_id', 'name'])
    .addForeignKeyConstraint(
      'person_custom_fields_org_fk',
      ['coalition_id', 'organization_id'],
      'organizations',
      ['coalition_id', 'id'],
    )
    .execute();

  // Dual membership: two records of two owners, linked only by the person's consent.
  await db.schema
    .createTable('person_link_codes')
    .addColumn('code_hash', 'text', (col) => col.primaryKey())
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('person_id', 'uuid', (col) => col.notNull())
    .addColumn('target_organization_id', 'uuid', (col) => col.notNull())
    .addColumn('basis', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addForeignKeyConstraint(
      'person_link_codes_person_fk',
      ['organization_id', 'person_id'],
      'people',
      ['organization_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('person_links')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_a', 'uuid', (col) => col.notNull())
    .addColumn('person_a', 'uuid', (col) => col.notNull())
    .addColumn('organization_b', 'uuid', (col) => col.notNull())
    .addColumn('person_b', 'uuid', (col) => col.notNull())
    .addColumn('basis', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('consented_at', 'timestamptz', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addForeignKeyConstraint(
      'person_links_a_fk',
      ['organization_a', 'person_a'],
      'people',
      ['organization_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'person_links_b_fk',
      ['organization_b', 'person_b'],
      'people',
      ['organization_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addUniqueConstraint('person_links_pair', ['person_a', 'person_b'])
    .execute();

  await db.schema
    .createTable('people_segments')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('filter', 'jsonb', (col) => col.notNull())
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('people_segments_owner_key', ['organization_id', 'id'])
    .addForeignKeyConstraint('people_segments_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();
  await sql`create unique index people_segments_name_key on people_segments (organization_id, lower(name))`.execute(
    db,
  );

  await db.schema
    .createTable('people_merges')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('survivor_id', 'uuid', (col) => col.notNull())
    .addColumn('merged_id', 'uuid', (col) => col.notNull())
    // The survivor as it was, and which history rows moved to it: what undo restores.
    .addColumn('survivor_before', 'jsonb', (col) => col.notNull())
    .addColumn('moved', 'jsonb', (col) => col.notNull())
    .addColumn('choices', 'jsonb', (col) => col.notNull())
    .addColumn('merged_by', 'uuid')
    .addColumn('merged_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('undone_at', 'timestamptz')
    .addForeignKeyConstraint(
      'people_merges_survivor_fk',
      ['organization_id', 'survivor_id'],
      'people',
      ['organization_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'people_merges_merged_fk',
      ['organization_id', 'merged_id'],
      'people',
      ['organization_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  // Secrets per member: the key that seals its pagination cursors.
  await db.schema
    .createTable('supporter_keys')
    .addColumn('organization_id', 'uuid', (col) => col.primaryKey())
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('cursor_key', 'bytea', (col) => col.notNull())
    .addForeignKeyConstraint('supporter_keys_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();

  // Private overlap counts: both members agree, the server relays blinded sets, each side learns a count.
  await db.schema
    .createTable('overlap_runs')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('requester_id', 'uuid', (col) => col.notNull())
    .addColumn('partner_id', 'uuid', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('requested', 'declined', 'completed')`),
    )
    .addColumn('requested_by', 'uuid', (col) => col.notNull())
    .addColumn('decided_by', 'uuid')
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('shared_count', 'integer')
    .addForeignKeyConstraint('overlap_runs_requester_fk', ['coalition_id', 'requester_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .addForeignKeyConstraint('overlap_runs_partner_fk', ['coalition_id', 'partner_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();

  // The ladder of engagement per member: ordered stages, each with the activity that earns it.
  await db.schema
    .createTable('pipeline_ladders')
    .addColumn('organization_id', 'uuid', (col) => col.primaryKey())
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('stages', 'jsonb', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addForeignKeyConstraint(
      'pipeline_ladders_org_fk',
      ['coalition_id', 'organization_id'],
      'organizations',
      ['coalition_id', 'id'],
    )
    .execute();
  await db.schema
    .createTable('pipeline_moves')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('person_id', 'uuid', (col) => col.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (col) => col.notNull())
    .addColumn('moved_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addForeignKeyConstraint(
      'pipeline_moves_person_fk',
      ['organization_id', 'person_id'],
      'people',
      ['organization_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'pipeline_moves',
    'pipeline_ladders',
    'overlap_runs',
    'supporter_keys',
    'people_merges',
    'people_segments',
    'person_links',
    'person_link_codes',
    'person_custom_fields',
    'person_activities',
    'person_consents',
    'people',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
