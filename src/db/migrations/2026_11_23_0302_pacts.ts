import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

const uuidPk = (col: ColumnDefinitionBuilder) => col.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = sql`now()`;

/**
 * Seat-sharing pacts (src/features/pacts, docs/pacts.md). A pact keeps a snapshot of its races
 * and their past votes (the map may be reloaded; a pact must not move under its negotiators), its
 * members and settings, locks and vetoes, every engine run as a job, every version with its full
 * input and result, local consent per race, and the decisions sent to ratify a version. Composite
 * keys (coalition_id, x) keep every reference inside one coalition.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pacts')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull().references('coalitions.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('races', 'zones')`))
    .addColumn('source', 'jsonb', (col) => col.notNull())
    .addColumn('settings', 'jsonb', (col) => col.notNull())
    .addColumn('members', 'jsonb', (col) => col.notNull())
    // Bumped by every edit of members, settings, locks or vetoes: a version records the revision it saw.
    .addColumn('revision', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('pacts_tenant_key', ['coalition_id', 'id'])
    .execute();
  await sql`create unique index pacts_name_key on pacts (coalition_id, lower(name))`.execute(db);

  await db.schema
    .createTable('pact_races')
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('pact_id', 'uuid', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('ordinal', 'integer', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    // Snapshots of map rows, not foreign keys: reloading the map must not change a pact.
    .addColumn('jurisdiction_id', 'uuid')
    .addColumn('map_race_id', 'uuid')
    .addColumn('seats', 'integer', (col) => col.notNull().check(sql`seats > 0`))
    .addColumn('total_votes', 'bigint')
    .addColumn('lines', 'jsonb', (col) => col.notNull())
    .addColumn('jurisdiction_keys', 'jsonb', (col) => col.notNull())
    .addColumn('incumbent_party', 'text')
    .addPrimaryKeyConstraint('pact_races_pk', ['pact_id', 'key'])
    .addForeignKeyConstraint(
      'pact_races_pact_fk',
      ['coalition_id', 'pact_id'],
      'pacts',
      ['coalition_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('pact_rules')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('pact_id', 'uuid', (col) => col.notNull())
    .addColumn('race_key', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('lock', 'veto')`))
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('origin', 'text', (col) => col.notNull().check(sql`origin in ('manual', 'swap')`))
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('pact_rules_unique', ['pact_id', 'race_key', 'kind', 'organization_id'])
    .addForeignKeyConstraint(
      'pact_rules_race_fk',
      ['pact_id', 'race_key'],
      'pact_races',
      ['pact_id', 'key'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('pact_rules_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();
  // A race is locked to one member at most.
  await sql`create unique index pact_rules_one_lock on pact_rules (pact_id, race_key) where kind = 'lock'`.execute(
    db,
  );

  await db.schema
    .createTable('pact_versions')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('pact_id', 'uuid', (col) => col.notNull())
    .addColumn('number', 'integer', (col) => col.notNull().check(sql`number > 0`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('run', 'swap')`))
    .addColumn('pact_revision', 'integer', (col) => col.notNull())
    .addColumn('input', 'jsonb', (col) => col.notNull())
    .addColumn('labels', 'jsonb', (col) => col.notNull())
    .addColumn('result', 'jsonb', (col) => col.notNull())
    .addColumn('expected_wins', 'double precision', (col) => col.notNull())
    .addColumn('no_pact_wins', 'double precision', (col) => col.notNull())
    .addColumn('entitlement_ok', 'boolean', (col) => col.notNull())
    .addColumn('wef1', 'boolean', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('run_id', 'uuid')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('pact_versions_number_key', ['pact_id', 'number'])
    .addUniqueConstraint('pact_versions_tenant_key', ['coalition_id', 'id'])
    .addForeignKeyConstraint(
      'pact_versions_pact_fk',
      ['coalition_id', 'pact_id'],
      'pacts',
      ['coalition_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('pact_runs')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('pact_id', 'uuid', (col) => col.notNull())
    .addColumn('mode', 'text', (col) => col.notNull().check(sql`mode in ('heuristic', 'exact')`))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed', 'discarded')`),
    )
    .addColumn('phase', 'text', (col) =>
      col.notNull().check(sql`phase in ('preparing', 'heuristic', 'exact', 'checking', 'done')`),
    )
    .addColumn('percent', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('pact_revision', 'integer', (col) => col.notNull())
    .addColumn('input', 'jsonb', (col) => col.notNull())
    .addColumn('labels', 'jsonb', (col) => col.notNull())
    .addColumn('requested_by', 'jsonb', (col) => col.notNull())
    .addColumn('error', 'jsonb')
    .addColumn('version_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    // The process running the job touches this while it holds the job; a silent job was abandoned.
    .addColumn('heartbeat_at', 'timestamptz', (col) => col.notNull())
    .addForeignKeyConstraint(
      'pact_runs_pact_fk',
      ['coalition_id', 'pact_id'],
      'pacts',
      ['coalition_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // One active run per pact, even with several server processes.
  await sql`create unique index pact_runs_one_active on pact_runs (pact_id) where status in ('queued', 'running')`.execute(
    db,
  );

  await db.schema
    .createTable('pact_consents')
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('pact_id', 'uuid', (col) => col.notNull())
    .addColumn('race_key', 'text', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('stance', 'text', (col) => col.notNull().check(sql`stance in ('consent', 'object')`))
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    // What the branch saw: the latest version then, and who that version gave the race to.
    .addColumn('version_number', 'integer')
    .addColumn('assigned_organization_id', 'uuid')
    .addColumn('recorded_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('recorded_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('pact_consents_pk', ['pact_id', 'race_key', 'organization_id'])
    .addForeignKeyConstraint(
      'pact_consents_race_fk',
      ['pact_id', 'race_key'],
      'pact_races',
      ['pact_id', 'key'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('pact_consents_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('pact_ratifications')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('pact_id', 'uuid', (col) => col.notNull())
    .addColumn('version_id', 'uuid', (col) => col.notNull())
    .addColumn('decision_id', 'uuid', (col) => col.notNull().unique())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addForeignKeyConstraint('pact_ratifications_pact_fk', ['coalition_id', 'pact_id'], 'pacts', [
      'coalition_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'pact_ratifications_version_fk',
      ['coalition_id', 'version_id'],
      'pact_versions',
      ['coalition_id', 'id'],
    )
    .addForeignKeyConstraint('pact_ratifications_decision_fk', ['coalition_id', 'decision_id'], 'decisions', [
      'coalition_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('pact_ratifications_pact_idx')
    .on('pact_ratifications')
    .columns(['pact_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'pact_ratifications',
    'pact_consents',
    'pact_runs',
    'pact_versions',
    'pact_rules',
    'pact_races',
    'pacts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
