import type { Db } from '../../db/database.ts';

/** Calendar feed tokens (hashed), and the user's current role behind a live one. */

export function revokeLiveTokens(db: Db, coalitionId: string, userId: string, now: Date) {
  return db
    .updateTable('petition_feed_tokens')
    .set({ revoked_at: now })
    .where('coalition_id', '=', coalitionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
}

export function insertToken(
  db: Db,
  row: { coalitionId: string; userId: string; tokenHash: string; now: Date },
) {
  return db
    .insertInto('petition_feed_tokens')
    .values({
      coalition_id: row.coalitionId,
      user_id: row.userId,
      token_hash: row.tokenHash,
      created_at: row.now,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function findLiveToken(db: Db, coalitionId: string, userId: string) {
  return db
    .selectFrom('petition_feed_tokens')
    .select(['id', 'created_at'])
    .where('coalition_id', '=', coalitionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/**
 * The user behind a live token, with the role it holds in the coalition today (a user whose role
 * was taken away reads nothing, even with a token it kept).
 */
export function findTokenHolder(db: Db, tokenHash: string) {
  return db
    .selectFrom('petition_feed_tokens')
    .innerJoin('coalition_roles', (join) =>
      join
        .onRef('coalition_roles.user_id', '=', 'petition_feed_tokens.user_id')
        .onRef('coalition_roles.coalition_id', '=', 'petition_feed_tokens.coalition_id'),
    )
    .select([
      'petition_feed_tokens.user_id as userId',
      'petition_feed_tokens.coalition_id as coalitionId',
      'coalition_roles.role',
      'coalition_roles.organization_id as organizationId',
    ])
    .where('petition_feed_tokens.token_hash', '=', tokenHash)
    .where('petition_feed_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
}
