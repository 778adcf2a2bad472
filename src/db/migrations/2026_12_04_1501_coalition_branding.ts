import { type Kysely, sql } from 'kysely';

/**
 * A coalition's public look: two colours and an optional logo. The logo is kept as a data URL
 * (PNG or SVG, at most 64 KB decoded) so the public pages show it from their own JSON: the CSP
 * allows `data:` images, no upload directory is needed, and an <img> never runs an SVG's script.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coalition_branding')
    .addColumn('coalition_id', 'uuid', (col) => col.primaryKey().references('coalitions.id'))
    .addColumn('primary_color', 'text', (col) => col.notNull())
    .addColumn('accent_color', 'text', (col) => col.notNull())
    .addColumn('logo', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('coalition_branding').execute();
}
