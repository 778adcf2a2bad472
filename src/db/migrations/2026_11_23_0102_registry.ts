import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

const uuidPk = (col: ColumnDefinitionBuilder) => col.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = sql`now()`;

// Tenant-safe references: a composite foreign key (coalition_id, x_id) makes it impossible for a
// row of one coalition to point at an organization, charter or decision of another.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull().references('coalitions.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('party', 'movement', 'pressure_group', 'chapter', 'federation')`),
    )
    .addColumn('parent_id', 'uuid')
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('applicant', 'member', 'suspended', 'expelled', 'withdrawn')`),
    )
    .addColumn('position', sql`numeric(4, 3)`, (col) => col.check(sql`position between -1 and 1`))
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('platform', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('home_jurisdictions', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('organizations_tenant_key', ['coalition_id', 'id'])
    .addForeignKeyConstraint('organizations_parent_fk', ['coalition_id', 'parent_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .addCheckConstraint('organizations_chapter_parent', sql`(kind = 'chapter') = (parent_id is not null)`)
    .execute();
  await sql`create unique index organizations_name_key on organizations (coalition_id, lower(name))`.execute(
    db,
  );

  // The accounts migration left this key to us: a delegate acts for an organization of the same coalition.
  await db.schema
    .alterTable('coalition_roles')
    .addForeignKeyConstraint(
      'coalition_roles_organization_fk',
      ['coalition_id', 'organization_id'],
      'organizations',
      ['coalition_id', 'id'],
    )
    .execute();

  await db.schema
    .createTable('organization_status_changes')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) =>
      col.notNull().check(sql`reason in ('application', 'founding', 'decision', 'withdrawal')`),
    )
    .addColumn('decision_id', 'uuid')
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('actor_user_id', 'uuid', (col) => col.references('users.id'))
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .addForeignKeyConstraint('status_changes_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('status_changes_org_idx')
    .on('organization_status_changes')
    .columns(['organization_id', 'at'])
    .execute();

  await db.schema
    .createTable('strength_evidence')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('metric', 'text', (col) =>
      col.notNull().check(sql`metric in ('members', 'votes', 'ballot_lines', 'officeholders', 'signatures')`),
    )
    .addColumn('value', 'bigint', (col) => col.notNull().check(sql`value >= 0`))
    .addColumn('as_of', 'text', (col) => col.notNull().check(sql`as_of ~ '^\\d{4}-\\d{2}-\\d{2}$'`))
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('submitted_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('verified_at', 'timestamptz')
    .addColumn('verified_by', 'uuid', (col) => col.references('users.id'))
    .addForeignKeyConstraint('evidence_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();
  await db.schema.createIndex('evidence_org_idx').on('strength_evidence').column('organization_id').execute();

  await db.schema
    .createTable('charter_versions')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull().references('coalitions.id'))
    .addColumn('version', 'integer', (col) => col.notNull().check(sql`version > 0`))
    .addColumn('planks', 'jsonb', (col) => col.notNull())
    .addColumn('adopted_at', 'timestamptz', (col) => col.notNull())
    .addColumn('decision_id', 'uuid')
    .addUniqueConstraint('charter_versions_version_key', ['coalition_id', 'version'])
    .addUniqueConstraint('charter_versions_tenant_key', ['coalition_id', 'id'])
    .execute();

  await db.schema
    .createTable('charter_ratifications')
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('charter_version_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('ratified_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('ratified_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('charter_ratifications_pk', ['charter_version_id', 'organization_id'])
    .addForeignKeyConstraint(
      'ratifications_version_fk',
      ['coalition_id', 'charter_version_id'],
      'charter_versions',
      ['coalition_id', 'id'],
    )
    .addForeignKeyConstraint('ratifications_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('governance_settings')
    .addColumn('coalition_id', 'uuid', (col) => col.primaryKey().references('coalitions.id'))
    .addColumn('settings', 'jsonb', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('coalition_roles').dropConstraint('coalition_roles_organization_fk').execute();
  for (const table of [
    'governance_settings',
    'charter_ratifications',
    'charter_versions',
    'strength_evidence',
    'organization_status_changes',
    'organizations',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
