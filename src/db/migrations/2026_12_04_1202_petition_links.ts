import { type Kysely, sql } from 'kysely';

/**
 * Links from petitions to the features beside it (docs/ballot-access.md): a drive for a candidate
 * names the tickets feature's candidate, a circulator the supporters feature's person of the
 * drive's own member. Both stay optional (a candidate by name, a circulator by plain name), and
 * both are cleared, not blocking, when the candidate or the person is deleted (a person's erasure).
 * The person is named with the circulator's own organization (people's `(organization_id, id)`
 * key), so the database itself refuses a circulator linked to another member's supporter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('petition_drives')
    .addColumn('target_candidate_id', 'uuid', (col) => col.references('candidates.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('petition_circulators').addColumn('person_id', 'uuid').execute();
  // `set null (person_id)`: only the link is cleared; the circulator keeps its organization.
  await sql`alter table petition_circulators add constraint petition_circulators_person_fk
    foreign key (organization_id, person_id) references people (organization_id, id)
    on delete set null (person_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('petition_circulators').dropColumn('person_id').execute();
  await db.schema.alterTable('petition_drives').dropColumn('target_candidate_id').execute();
}
