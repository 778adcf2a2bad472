import type { Db } from '../../db/database.ts';

export function findSettings(db: Db, coalitionId: string) {
  return db
    .selectFrom('governance_settings')
    .select('settings')
    .where('coalition_id', '=', coalitionId)
    .executeTakeFirst();
}

export function upsertSettings(db: Db, coalitionId: string, settings: Record<string, unknown>, at: Date) {
  const json = JSON.stringify(settings);
  return db
    .insertInto('governance_settings')
    .values({ coalition_id: coalitionId, settings: json, updated_at: at })
    .onConflict((oc) => oc.column('coalition_id').doUpdateSet({ settings: json, updated_at: at }))
    .execute();
}

export function findCoalition(db: Db, coalitionId: string) {
  return db
    .selectFrom('coalitions')
    .select(['id', 'slug', 'name'])
    .where('id', '=', coalitionId)
    .executeTakeFirstOrThrow();
}

export function findCoalitionBySlug(db: Db, slug: string) {
  return db
    .selectFrom('coalitions')
    .select(['id', 'slug', 'name'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}
