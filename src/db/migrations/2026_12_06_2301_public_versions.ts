import { type Kysely, sql } from 'kysely';

/**
 * Versions of what the public sees (docs/performance.md, "Read path"), kept by the database in the
 * transaction of the write, so that no code path has to remember to bump them:
 * - per coalition (`scope` = its id): the seq of its latest audit event that may change a public
 *   answer, with a `p:<id>` notification on `concord_changes` at commit. Every stored change of a
 *   coalition appends an audit event; those that never reach a public answer (ballots, supporters,
 *   petition work) are listed below by action prefix. The list is of what is private, so an action
 *   added later and not listed counts as public: forgetting costs a rebuild, never a stale answer.
 *   The row is written after the appender has locked the coalition's audit head, so it adds no wait.
 * - the reference map (`scope` = '*'): a counter bumped by every statement on the map tables (map
 *   imports append no audit event; the tables already notify `*` at commit, migration 2026_12_04_1801).
 * A public cache's version is the pair; it is read before the data (src/features/audit/public-version.ts).
 */
const privateActionPrefixes = ['ballot.', 'people.', 'person.', 'petitions.'];

const mapTables = [
  'reference_datasets',
  'reference_dataset_issues',
  'jurisdictions',
  'elections',
  'races',
  'result_sets',
  'result_units',
  'result_votes',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE public_versions (
      scope text PRIMARY KEY,
      version bigint NOT NULL
    )`.execute(db);
  await sql`INSERT INTO public_versions (scope, version) VALUES ('*', 0)`.execute(db);
  const patterns = privateActionPrefixes.map((prefix) => `${prefix}%`);
  await sql`
    CREATE FUNCTION concord_public_event() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.action LIKE ANY (${sql.raw(`ARRAY[${patterns.map((p) => `'${p}'`).join(', ')}]`)}) THEN
        RETURN NULL;
      END IF;
      INSERT INTO public_versions (scope, version) VALUES (NEW.coalition_id::text, NEW.seq)
      ON CONFLICT (scope) DO UPDATE SET version = GREATEST(public_versions.version, EXCLUDED.version);
      PERFORM pg_notify('concord_changes', 'p:' || NEW.coalition_id::text);
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION concord_map_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE public_versions SET version = version + 1 WHERE scope = '*';
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_events_public_version AFTER INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION concord_public_event()`.execute(db);
  for (const table of mapTables) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_public_version`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
      ON ${sql.table(table)} FOR EACH STATEMENT EXECUTE FUNCTION concord_map_version()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of mapTables) {
    await sql`DROP TRIGGER ${sql.raw(`${table}_public_version`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP TRIGGER audit_events_public_version ON audit_events`.execute(db);
  await sql`DROP FUNCTION concord_map_version()`.execute(db);
  await sql`DROP FUNCTION concord_public_event()`.execute(db);
  await sql`DROP TABLE public_versions`.execute(db);
}
