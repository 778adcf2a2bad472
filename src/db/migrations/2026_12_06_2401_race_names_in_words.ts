import { type Kysely, sql } from 'kysely';
import { officeWords } from '../../core/office-words.ts';

/**
 * A coalition's own races and result sets were named after the office code of their import file
 * ("state_house — Michigan House 12", "Midterms 2026 — state_house"); imports now name them in words
 * ("State House — …"). This renames the rows stored before, office by office. A name someone changed
 * since (it no longer starts or ends with the code) is left as it is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const offices = await sql<{ office: string }>`
    SELECT DISTINCT office FROM races WHERE coalition_id IS NOT NULL
    UNION SELECT DISTINCT office FROM result_sets WHERE coalition_id IS NOT NULL AND office IS NOT NULL`.execute(
    db,
  );
  for (const { office } of offices.rows) {
    const words = officeWords(office);
    if (words === office) continue;
    const prefix = `${office} — `;
    await sql`
      UPDATE races SET name = ${`${words} — `} || substr(name, ${prefix.length + 1})
      WHERE coalition_id IS NOT NULL AND office = ${office} AND left(name, ${prefix.length}) = ${prefix}`.execute(
      db,
    );
    const suffix = ` — ${office}`;
    await sql`
      UPDATE result_sets SET name = replace(name, ${suffix}, ${` — ${words}`})
      WHERE coalition_id IS NOT NULL AND office = ${office}
        AND (right(name, ${suffix.length}) = ${suffix} OR strpos(name, ${`${suffix} (`}) > 0)`.execute(db);
  }
}

/** The codes are not put back: the words carry the same meaning. */
export async function down(): Promise<void> {}
