import { type Kysely, sql } from 'kysely';

/**
 * Change notifications for the in-memory caches of every app server (docs/performance.md, "Read
 * path"). NOTIFY is sent at commit only, so a listener never hears of a change it cannot read yet:
 * - every audit event names its coalition (`c:<id>`): every stored change of a coalition appends one;
 * - map imports write no audit event: any write to the reference map tables says `*` (one per
 *   transaction: PostgreSQL folds identical notifications of one transaction into one);
 * - sign-out, role and account changes name the user (`u:<id>`), whose cached sessions are dropped.
 * The channel is `concord_changes` (src/http/change-feed.ts listens).
 */
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
    CREATE FUNCTION concord_notify_coalition() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('concord_changes', 'c:' || NEW.coalition_id::text);
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION concord_notify_all() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('concord_changes', '*');
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION concord_notify_user() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('concord_changes', 'u:' || OLD.user_id::text);
      ELSE
        PERFORM pg_notify('concord_changes', 'u:' || NEW.user_id::text);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION concord_notify_account() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('concord_changes', 'u:' || NEW.id::text);
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_events_notify AFTER INSERT ON audit_events
    FOR EACH ROW EXECUTE FUNCTION concord_notify_coalition()`.execute(db);
  for (const table of mapTables) {
    await sql`
      CREATE TRIGGER ${sql.raw(`${table}_notify`)} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
      ON ${sql.table(table)} FOR EACH STATEMENT EXECUTE FUNCTION concord_notify_all()`.execute(db);
  }
  await sql`
    CREATE TRIGGER sessions_notify AFTER DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION concord_notify_user()`.execute(db);
  await sql`
    CREATE TRIGGER coalition_roles_notify AFTER UPDATE OR DELETE ON coalition_roles
    FOR EACH ROW EXECUTE FUNCTION concord_notify_user()`.execute(db);
  await sql`
    CREATE TRIGGER users_notify AFTER UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION concord_notify_account()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER users_notify ON users`.execute(db);
  await sql`DROP TRIGGER coalition_roles_notify ON coalition_roles`.execute(db);
  await sql`DROP TRIGGER sessions_notify ON sessions`.execute(db);
  for (const table of mapTables) {
    await sql`DROP TRIGGER ${sql.raw(`${table}_notify`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP TRIGGER audit_events_notify ON audit_events`.execute(db);
  await sql`DROP FUNCTION concord_notify_account()`.execute(db);
  await sql`DROP FUNCTION concord_notify_user()`.execute(db);
  await sql`DROP FUNCTION concord_notify_all()`.execute(db);
  await sql`DROP FUNCTION concord_notify_coalition()`.execute(db);
}
