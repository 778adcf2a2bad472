import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

const uuidPk = (col: ColumnDefinitionBuilder) => col.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = sql`now()`;

/**
 * Ballot access and petition drives (src/features/petitions, docs/ballot-access.md). Requirements
 * are shipped (coalition_id null, seeded from data/us-ballot-access) or a coalition's own; drives,
 * circulators, packets, checks and signer lines belong to the member running the drive. Days are
 * ISO text (YYYY-MM-DD), as in strength_evidence.as_of: no time zone can move a deadline.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isoDay = (column: string) => sql.raw(`${column} ~ '^\\d{4}-\\d{2}-\\d{2}$'`);
  await db.schema
    .createTable('petition_requirements')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.references('coalitions.id'))
    .addColumn('key', 'text')
    .addColumn('origin', 'text', (col) => col.notNull().check(sql`origin in ('shipped', 'coalition')`))
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('jurisdiction', 'text', (col) => col.notNull())
    .addColumn('jurisdiction_name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`kind in ('party_recognition', 'independent_candidate', 'initiative', 'candidacy', 'other')`,
        ),
    )
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('signatures', 'integer', (col) => col.check(sql`signatures >= 0`))
    .addColumn('number_status', 'text', (col) =>
      col.notNull().check(sql`number_status in ('computed', 'copied', 'missing')`),
    )
    .addColumn('computation', 'text', (col) => col.notNull())
    .addColumn('rule_text', 'text', (col) => col.notNull())
    .addColumn('who_may_sign', 'text')
    .addColumn('distribution', 'text')
    .addColumn('deadline', 'text', (col) => col.check(isoDay('deadline')))
    .addColumn('deadline_text', 'text', (col) => col.notNull())
    .addColumn('verification_rule', 'text', (col) => col.notNull())
    .addColumn('voters', 'integer')
    .addColumn('voters_basis', 'text')
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('as_of', 'text', (col) => col.notNull())
    .addColumn('seed_version', 'text')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addCheckConstraint(
      'petition_requirements_origin',
      sql`(origin = 'shipped' and coalition_id is null and key is not null) or (origin = 'coalition' and coalition_id is not null)`,
    )
    .execute();
  await sql`create unique index petition_requirements_key on petition_requirements (key) where key is not null`.execute(
    db,
  );
  await sql`create index petition_requirements_coalition on petition_requirements (coalition_id)`.execute(db);

  await db.schema
    .createTable('petition_drives')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull().references('coalitions.id'))
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('requirement_id', 'uuid', (col) => col.notNull().references('petition_requirements.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('target_kind', 'text', (col) =>
      col.notNull().check(sql`target_kind in ('member', 'candidate', 'initiative')`),
    )
    .addColumn('target_name', 'text', (col) => col.notNull())
    .addColumn('required', 'integer', (col) => col.notNull().check(sql`required > 0`))
    .addColumn('expected_validity', 'double precision', (col) =>
      col.notNull().check(sql`expected_validity > 0 and expected_validity <= 1`),
    )
    .addColumn('safety_margin', 'double precision', (col) => col.notNull().check(sql`safety_margin >= 1`))
    .addColumn('start_day', 'text', (col) => col.notNull().check(isoDay('start_day')))
    .addColumn('due_day', 'text', (col) => col.notNull().check(isoDay('due_day')))
    .addColumn('filing_day', 'text', (col) => col.check(isoDay('filing_day')))
    .addColumn('cure_days', 'integer', (col) => col.check(sql`cure_days >= 0`))
    .addColumn('verification_rule', 'text', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('petition_drives_tenant_key', ['coalition_id', 'id'])
    .addCheckConstraint('petition_drives_days', sql`start_day <= due_day`)
    .addForeignKeyConstraint('petition_drives_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('petition_circulators')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('drive_id', 'uuid', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addForeignKeyConstraint(
      'petition_circulators_drive_fk',
      ['coalition_id', 'drive_id'],
      'petition_drives',
      ['coalition_id', 'id'],
    )
    .execute();
  await sql`create unique index petition_circulators_name on petition_circulators (drive_id, lower(name))`.execute(
    db,
  );

  await db.schema
    .createTable('petition_packets')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('drive_id', 'uuid', (col) => col.notNull())
    .addColumn('circulator_id', 'uuid', (col) => col.references('petition_circulators.id'))
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('county', 'text')
    .addColumn('collected_on', 'text', (col) => col.notNull().check(isoDay('collected_on')))
    .addColumn('raw_count', 'integer', (col) => col.notNull().check(sql`raw_count >= 0`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addForeignKeyConstraint('petition_packets_drive_fk', ['coalition_id', 'drive_id'], 'petition_drives', [
      'coalition_id',
      'id',
    ])
    .execute();
  await sql`create unique index petition_packets_label on petition_packets (drive_id, lower(label))`.execute(
    db,
  );

  await db.schema
    .createTable('petition_checks')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('drive_id', 'uuid', (col) => col.notNull())
    .addColumn('packet_id', 'uuid', (col) => col.notNull().references('petition_packets.id'))
    .addColumn('checked_on', 'text', (col) => col.notNull().check(isoDay('checked_on')))
    .addColumn('lines_checked', 'integer', (col) => col.notNull().check(sql`lines_checked > 0`))
    .addColumn('lines_valid', 'integer', (col) => col.notNull().check(sql`lines_valid >= 0`))
    .addColumn('not_registered', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('wrong_jurisdiction', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('duplicate', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('illegible', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('address_mismatch', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addCheckConstraint(
      'petition_checks_sums',
      sql`lines_valid + not_registered + wrong_jurisdiction + duplicate + illegible + address_mismatch <= lines_checked
        and least(not_registered, wrong_jurisdiction, duplicate, illegible, address_mismatch) >= 0`,
    )
    .addForeignKeyConstraint('petition_checks_drive_fk', ['coalition_id', 'drive_id'], 'petition_drives', [
      'coalition_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('petition_signer_lines')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('drive_id', 'uuid', (col) => col.notNull())
    .addColumn('packet_id', 'uuid', (col) => col.notNull().references('petition_packets.id'))
    .addColumn('line', 'integer', (col) => col.notNull().check(sql`line > 0`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addUniqueConstraint('petition_signer_lines_line', ['packet_id', 'line'])
    .addForeignKeyConstraint(
      'petition_signer_lines_drive_fk',
      ['coalition_id', 'drive_id'],
      'petition_drives',
      ['coalition_id', 'id'],
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'petition_signer_lines',
    'petition_checks',
    'petition_packets',
    'petition_circulators',
    'petition_drives',
    'petition_requirements',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
