import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('decisions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('coalition_id', 'uuid', (col) => col.notNull().references('coalitions.id'))
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`kind in ('motion', 'admission', 'suspension', 'expulsion', 'reinstatement', 'charter_amendment')`,
        ),
    )
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('subject_organization_id', 'uuid')
    .addColumn('grounds', 'text')
    .addColumn('proposal', 'jsonb')
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('rules', 'jsonb', (col) => col.notNull())
    .addColumn('secret', 'boolean', (col) => col.notNull())
    .addColumn('opens_at', 'timestamptz', (col) => col.notNull())
    .addColumn('closes_at', 'timestamptz', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('roll', 'jsonb', (col) => col.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('outcome', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('decisions_tenant_key', ['coalition_id', 'id'])
    .addForeignKeyConstraint(
      'decisions_subject_fk',
      ['coalition_id', 'subject_organization_id'],
      'organizations',
      ['coalition_id', 'id'],
    )
    .addCheckConstraint('decisions_window', sql`closes_at > opens_at`)
    .addCheckConstraint('decisions_closed_has_result', sql`(status = 'closed') = (result is not null)`)
    .execute();
  await db.schema
    .createIndex('decisions_coalition_idx')
    .on('decisions')
    .columns(['coalition_id', 'created_at'])
    .execute();

  // One row per voting organization and decision: the unique key is what makes concurrent casts
  // collapse into one counted ballot (casts are upserts on it).
  await db.schema
    .createTable('ballots')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('decision_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('cast_by', 'uuid', (col) => col.notNull().references('users.id'))
    .addColumn('content', 'jsonb', (col) => col.notNull())
    .addColumn('receipt', 'text', (col) => col.notNull().unique())
    .addColumn('revision', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('cast_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .addUniqueConstraint('ballots_one_per_organization', ['decision_id', 'organization_id'])
    .addForeignKeyConstraint('ballots_decision_fk', ['coalition_id', 'decision_id'], 'decisions', [
      'coalition_id',
      'id',
    ])
    .addForeignKeyConstraint('ballots_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();

  await db.schema
    .alterTable('organization_status_changes')
    .addForeignKeyConstraint('status_changes_decision_fk', ['coalition_id', 'decision_id'], 'decisions', [
      'coalition_id',
      'id',
    ])
    .execute();
  await db.schema
    .alterTable('charter_versions')
    .addForeignKeyConstraint('charter_versions_decision_fk', ['coalition_id', 'decision_id'], 'decisions', [
      'coalition_id',
      'id',
    ])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('charter_versions').dropConstraint('charter_versions_decision_fk').execute();
  await db.schema
    .alterTable('organization_status_changes')
    .dropConstraint('status_changes_decision_fk')
    .execute();
  await db.schema.dropTable('ballots').execute();
  await db.schema.dropTable('decisions').execute();
}
