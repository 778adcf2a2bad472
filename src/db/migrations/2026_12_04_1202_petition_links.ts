import type { Kysely } from 'kysely';

/**
 * Links from petitions to the features beside it (docs/ballot-access.md): a drive for a candidate
 * names the tickets feature's candidate, a circulator the supporters feature's person of the
 * drive's own member. Both stay optional (a candidate by name, a circulator by plain name), and
 * both are cleared, not blocking, when the candidate or the person is deleted (a person's erasure).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('petition_drives')
    .addColumn('target_candidate_id', 'uuid', (col) => col.references('candidates.id').onDelete('set null'))
    .execute();
  await db.schema
    .alterTable('petition_circulators')
    .addColumn('person_id', 'uuid', (col) => col.references('people.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('petition_circulators').dropColumn('person_id').execute();
  await db.schema.alterTable('petition_drives').dropColumn('target_candidate_id').execute();
}
