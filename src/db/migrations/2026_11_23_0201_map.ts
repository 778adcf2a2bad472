import { type Kysely, sql } from 'kysely';

/**
 * The electoral map: jurisdictions, elections, races and results.
 *
 * One set of tables holds both kinds of rows (docs/decisions/map-reference-and-coalition-rows.md):
 * - reference rows, loaded from the shipped public datasets, have `coalition_id` null and are public;
 * - a coalition's own imported rows carry its `coalition_id` and are visible to that coalition only.
 * Ids are deterministic UUIDs derived from natural keys (src/features/map/ids.ts), so loading the
 * same data twice inserts nothing new and a jurisdiction keeps its id across installs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('reference_datasets')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('fingerprint', 'text', (col) => col.notNull())
    .addColumn('counts', 'jsonb', (col) => col.notNull())
    .addColumn('loaded_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  // What a dataset's loader mapped, rolled up, kept apart or could not join: `concord data check`.
  await db.schema
    .createTable('reference_dataset_issues')
    .addColumn('dataset_id', 'text', (col) =>
      col.notNull().references('reference_datasets.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('resolution', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('row', 'integer')
    .addColumn('message', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('reference_dataset_issues_pk', ['dataset_id', 'seq'])
    .execute();

  await db.schema
    .createTable('jurisdictions')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('coalition_id', 'uuid', (col) => col.references('coalitions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('parent_id', 'uuid', (col) => col.references('jurisdictions.id').onDelete('cascade'))
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('abbr', 'text')
    // Only a coalition's imported districts store a shape; reference shapes come from us-atlas.
    .addColumn('geometry', 'jsonb')
    .addUniqueConstraint('jurisdictions_natural_key', ['coalition_id', 'kind', 'code'], (c) =>
      c.nullsNotDistinct(),
    )
    .execute();
  await db.schema.createIndex('jurisdictions_parent_idx').on('jurisdictions').column('parent_id').execute();
  await db.schema
    .createIndex('jurisdictions_kind_idx')
    .on('jurisdictions')
    .columns(['kind', 'code'])
    .execute();

  await db.schema
    .createTable('elections')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('coalition_id', 'uuid', (col) => col.references('coalitions.id').onDelete('cascade'))
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('election_date', 'date', (col) => col.notNull())
    .addUniqueConstraint('elections_natural_key', ['coalition_id', 'slug'], (c) => c.nullsNotDistinct())
    .execute();

  await db.schema
    .createTable('races')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('coalition_id', 'uuid', (col) => col.references('coalitions.id').onDelete('cascade'))
    .addColumn('election_id', 'uuid', (col) => col.notNull().references('elections.id').onDelete('cascade'))
    .addColumn('jurisdiction_id', 'uuid', (col) =>
      col.notNull().references('jurisdictions.id').onDelete('cascade'),
    )
    .addColumn('office', 'text', (col) => col.notNull())
    .addColumn('stage', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('seats', 'integer', (col) => col.notNull().check(sql`seats > 0`))
    .addColumn('filing_deadline', 'date')
    .addUniqueConstraint('races_natural_key', ['election_id', 'office', 'jurisdiction_id', 'stage'])
    .execute();
  await db.schema.createIndex('races_jurisdiction_idx').on('races').column('jurisdiction_id').execute();

  // A result set is one table of numbers from one source: "2024 president by county (tonmcg)".
  await db.schema
    .createTable('result_sets')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('coalition_id', 'uuid', (col) => col.references('coalitions.id').onDelete('cascade'))
    .addColumn('slug', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('dataset_id', 'text', (col) => col.references('reference_datasets.id').onDelete('cascade'))
    .addColumn('election_id', 'uuid', (col) => col.references('elections.id').onDelete('cascade'))
    .addColumn('office', 'text')
    .addColumn('unit_kind', 'text', (col) => col.notNull())
    .addColumn('measure', 'text', (col) => col.notNull().check(sql`measure in ('votes', 'lean')`))
    .addUniqueConstraint('result_sets_natural_key', ['coalition_id', 'slug'], (c) => c.nullsNotDistinct())
    .execute();

  // One reporting unit of a result set (a county, a district, a ward…) with its totals.
  await db.schema
    .createTable('result_units')
    .addColumn('result_set_id', 'uuid', (col) =>
      col.notNull().references('result_sets.id').onDelete('cascade'),
    )
    .addColumn('jurisdiction_id', 'uuid', (col) =>
      col.notNull().references('jurisdictions.id').onDelete('cascade'),
    )
    .addColumn('coalition_id', 'uuid', (col) => col.references('coalitions.id').onDelete('cascade'))
    .addColumn('race_id', 'uuid', (col) => col.references('races.id').onDelete('cascade'))
    .addColumn('total_votes', 'bigint', (col) => col.check(sql`total_votes >= 0`))
    .addColumn('invalid_votes', 'bigint')
    .addColumn('registered', 'bigint')
    .addColumn('published_lean', 'double precision')
    .addPrimaryKeyConstraint('result_units_pk', ['result_set_id', 'jurisdiction_id'])
    .execute();
  await db.schema.createIndex('result_units_race_idx').on('result_units').column('race_id').execute();
  await db.schema
    .createIndex('result_units_jurisdiction_idx')
    .on('result_units')
    .column('jurisdiction_id')
    .execute();

  // Votes of one candidate on one ballot line; fusion candidates have one row per line.
  await db.schema
    .createTable('result_votes')
    .addColumn('result_set_id', 'uuid', (col) => col.notNull())
    .addColumn('jurisdiction_id', 'uuid', (col) => col.notNull())
    .addColumn('coalition_id', 'uuid', (col) => col.references('coalitions.id').onDelete('cascade'))
    .addColumn('candidate', 'text', (col) => col.notNull())
    .addColumn('line', 'text', (col) => col.notNull())
    .addColumn('party', 'text', (col) => col.notNull())
    .addColumn('votes', 'bigint', (col) => col.notNull().check(sql`votes >= 0`))
    .addColumn('outcome', 'text')
    .addPrimaryKeyConstraint('result_votes_pk', ['result_set_id', 'jurisdiction_id', 'candidate', 'line'])
    .addForeignKeyConstraint(
      'result_votes_unit_fk',
      ['result_set_id', 'jurisdiction_id'],
      'result_units',
      ['result_set_id', 'jurisdiction_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'result_votes',
    'result_units',
    'result_sets',
    'races',
    'elections',
    'jurisdictions',
    'reference_dataset_issues',
    'reference_datasets',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
