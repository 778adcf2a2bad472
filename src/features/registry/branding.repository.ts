import type { Db } from '../../db/database.ts';

export function findBranding(db: Db, coalitionIds: readonly string[]) {
  if (coalitionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('coalition_branding')
    .select(['coalition_id', 'primary_color', 'accent_color', 'logo'])
    .where('coalition_id', 'in', coalitionIds)
    .execute();
}

export function upsertBranding(
  db: Db,
  row: {
    coalition_id: string;
    primary_color: string;
    accent_color: string;
    logo: string | null;
    updated_at: Date;
  },
) {
  return db
    .insertInto('coalition_branding')
    .values(row)
    .onConflict((oc) =>
      oc.column('coalition_id').doUpdateSet({
        primary_color: row.primary_color,
        accent_color: row.accent_color,
        logo: row.logo,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Every coalition, by name: the public index lists them all (each already has a public page). */
export function listCoalitions(db: Db) {
  return db.selectFrom('coalitions').select(['id', 'slug', 'name']).orderBy('name').orderBy('slug').execute();
}
