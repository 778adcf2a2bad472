import { type Kysely, sql } from 'kysely';

/**
 * A decision may ratify a seat-sharing pact (src/features/pacts): the kind joins the list the
 * decisions migration checks. PostgreSQL named that column check `decisions_kind_check`.
 */
const kinds = (list: string[]) => sql.raw(list.map((kind) => `'${kind}'`).join(', '));
const before = ['motion', 'admission', 'suspension', 'expulsion', 'reinstatement', 'charter_amendment'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table decisions drop constraint decisions_kind_check`.execute(db);
  await sql`alter table decisions add constraint decisions_kind_check check (kind in (${kinds([
    ...before,
    'pact_ratification',
  ])}))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table decisions drop constraint decisions_kind_check`.execute(db);
  await sql`alter table decisions add constraint decisions_kind_check check (kind in (${kinds(before)}))`.execute(
    db,
  );
}
