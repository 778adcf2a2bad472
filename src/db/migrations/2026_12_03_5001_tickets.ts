import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

const uuidPk = (col: ColumnDefinitionBuilder) => col.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = sql`now()`;

/**
 * Candidates and tickets (src/features/tickets, docs/tickets.md): the coalition's settings for
 * nominations, candidates (a person nominated for a map race by a member), the ballot lines that
 * nominate them, national two-seat tickets per cycle, and imported results per race and line.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ticket_settings')
    .addColumn('coalition_id', 'uuid', (col) => col.primaryKey().references('coalitions.id'))
    .addColumn('endorsement_by', 'text', (col) =>
      col.notNull().defaultTo('secretariat').check(sql`endorsement_by in ('secretariat', 'decision')`),
    )
    .addColumn('split_ticket', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('non_us_multiple_lines', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('coalition_line_states', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('candidates')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull().references('coalitions.id'))
    .addColumn('organization_id', 'uuid', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('race_id', 'uuid', (col) => col.notNull().references('races.id'))
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .check(
          sql`status in ('proposed', 'endorsed', 'filed', 'on_ballot', 'rejected', 'elected', 'defeated')`,
        ),
    )
    .addColumn('status_reason', 'text')
    .addColumn('facts', 'jsonb', (col) => col.notNull())
    .addColumn('endorsement_decision_id', 'uuid', (col) => col.references('decisions.id'))
    .addColumn('dissident', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('dispute_decision_id', 'uuid', (col) => col.references('decisions.id'))
    .addColumn('dispute_outcome', 'text')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint('candidates_tenant_key', ['coalition_id', 'id'])
    .addForeignKeyConstraint('candidates_org_fk', ['coalition_id', 'organization_id'], 'organizations', [
      'coalition_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('candidates_race')
    .on('candidates')
    .columns(['coalition_id', 'race_id'])
    .execute();

  await db.schema
    .createTable('candidate_lines')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull())
    .addColumn('candidate_id', 'uuid', (col) => col.notNull())
    // null: the coalition's own line.
    .addColumn('organization_id', 'uuid')
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('party', 'coalition', 'endorsement')`),
    )
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('candidate_is_member', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('wilson_pakula', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addForeignKeyConstraint(
      'candidate_lines_candidate_fk',
      ['coalition_id', 'candidate_id'],
      'candidates',
      ['coalition_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // One line per member (or the coalition) per candidate.
  await sql`create unique index candidate_lines_once on candidate_lines (candidate_id, coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(
    db,
  );

  await db.schema
    .createTable('national_tickets')
    .addColumn('id', 'uuid', uuidPk)
    .addColumn('coalition_id', 'uuid', (col) => col.notNull().references('coalitions.id'))
    .addColumn('cycle', 'integer', (col) => col.notNull())
    .addColumn('office', 'text', (col) => col.notNull())
    .addColumn('top_name', 'text', (col) => col.notNull())
    .addColumn('top_organization_id', 'uuid', (col) => col.notNull())
    .addColumn('second_name', 'text', (col) => col.notNull())
    .addColumn('second_organization_id', 'uuid', (col) => col.notNull())
    .addColumn('top_side', 'text')
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('accepted', 'pending_override', 'refused')`),
    )
    .addColumn('problems', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('override_decision_id', 'uuid', (col) => col.references('decisions.id'))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addForeignKeyConstraint(
      'national_tickets_top_fk',
      ['coalition_id', 'top_organization_id'],
      'organizations',
      ['coalition_id', 'id'],
    )
    .addForeignKeyConstraint(
      'national_tickets_second_fk',
      ['coalition_id', 'second_organization_id'],
      'organizations',
      ['coalition_id', 'id'],
    )
    .execute();
  await sql`create unique index national_tickets_one_per_cycle on national_tickets (coalition_id, office, cycle) where status <> 'refused'`.execute(
    db,
  );

  await db.schema
    .createTable('candidate_results')
    .addColumn('coalition_id', 'uuid', (col) => col.notNull().references('coalitions.id'))
    .addColumn('race_id', 'uuid', (col) => col.notNull().references('races.id'))
    .addColumn('candidate_name', 'text', (col) => col.notNull())
    .addColumn('candidate_id', 'uuid')
    .addColumn('line', 'text', (col) => col.notNull())
    .addColumn('votes', 'bigint', (col) => col.notNull().check(sql`votes >= 0`))
    .addColumn('imported_by', 'uuid', (col) => col.references('users.id'))
    .addColumn('imported_at', 'timestamptz', (col) => col.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('candidate_results_pk', ['coalition_id', 'race_id', 'candidate_name', 'line'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'candidate_results',
    'national_tickets',
    'candidate_lines',
    'candidates',
    'ticket_settings',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
