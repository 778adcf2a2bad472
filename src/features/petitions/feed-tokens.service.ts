import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import * as repo from './feed-tokens.repository.ts';

/**
 * The petitions calendar's feed token: calendar applications cannot sign in, so the iCal URL
 * carries a per-user secret instead (32 random bytes, base64url). Only its SHA-256 is stored: the
 * token is shown once, when issued. Issuing again rotates it (the old URL stops working); revoking
 * ends it. The feed shows what the token's user may see with the role it holds today.
 */
export const feedTokenPattern = /^[A-Za-z0-9_-]{43}$/;
const hashFeedToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function feedTokenStatus(db: Db, actor: Actor) {
  const live = await repo.findLiveToken(db, actor.coalitionId, actor.userId);
  return { active: live !== undefined, createdAt: live ? new Date(live.created_at).toISOString() : null };
}

/** A new token for the actor (the previous one, if any, is revoked in the same transaction). */
export async function issueFeedToken(db: Db, actor: Actor, now = new Date()) {
  const revoked = await repo.revokeLiveTokens(db, actor.coalitionId, actor.userId, now);
  const token = randomBytes(32).toString('base64url');
  const row = await repo.insertToken(db, {
    coalitionId: actor.coalitionId,
    userId: actor.userId,
    tokenHash: hashFeedToken(token),
    now,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: revoked.length > 0 ? 'petitions.feed_token_rotated' : 'petitions.feed_token_issued',
    subject: { type: 'user', id: actor.userId },
    payload: { tokenId: row.id },
  });
  return { token, createdAt: new Date(row.created_at).toISOString() };
}

export async function revokeFeedToken(db: Db, actor: Actor, now = new Date()): Promise<void> {
  const revoked = await repo.revokeLiveTokens(db, actor.coalitionId, actor.userId, now);
  if (revoked.length === 0) return;
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'petitions.feed_token_revoked',
    subject: { type: 'user', id: actor.userId },
    payload: { tokenIds: revoked.map((r) => r.id) },
  });
}

/** The Actor a live token stands for, or undefined (unknown, revoked, or its user lost the role). */
export async function actorForFeedToken(db: Db, token: string): Promise<Actor | undefined> {
  if (!feedTokenPattern.test(token)) return undefined;
  const holder = await repo.findTokenHolder(db, hashFeedToken(token));
  if (!holder) return undefined;
  return {
    userId: holder.userId,
    coalitionId: holder.coalitionId,
    organizationId: holder.organizationId,
    role: holder.role,
  };
}
