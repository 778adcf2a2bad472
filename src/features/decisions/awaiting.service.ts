import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/database.ts';
import * as ballots from './ballots.repository.ts';
import * as repo from './decisions.repository.ts';
import { phaseOf, rollOf } from './views.ts';

/** An open decision that closes soon, and who still owes it a ballot. */
export interface AwaitedDecision {
  id: string;
  title: string;
  secret: boolean;
  closesAt: string;
  eligible: number;
  voted: number;
  /**
   * Open ballots: the organizations on the roll that have not voted. Secret ballots: null, so that
   * the dashboard never lists names there (issue #16 asks for counts only on a secret ballot).
   */
  notVoted: { organizationId: string; name: string }[] | null;
  /** The caller's own organization (delegates): whether it is on the roll and has voted. */
  mine: { onRoll: boolean; voted: boolean } | null;
}

/**
 * Decisions open now that close within `withinHours`, soonest first. A delegate always learns
 * whether its own organization voted (it knows that anyway); the names of the others only on open
 * ballots.
 */
export async function listAwaitedDecisions(
  db: Db,
  actor: Actor,
  withinHours: number,
  now = new Date(),
): Promise<AwaitedDecision[]> {
  const horizon = now.getTime() + withinHours * 3_600_000;
  const rows = (await repo.listDecisions(db, actor.coalitionId, {}))
    .filter((row) => phaseOf(row, now) === 'open' && new Date(row.closes_at).getTime() <= horizon)
    .sort((a, b) => new Date(a.closes_at).getTime() - new Date(b.closes_at).getTime());
  const result: AwaitedDecision[] = [];
  for (const row of rows) {
    const voters = rollOf(row).voters;
    const votedIds = new Set((await ballots.listBallots(db, row.id)).map((b) => b.organization_id));
    const onRoll = voters.filter((v) => votedIds.has(v.organizationId)).length;
    const own = actor.organizationId;
    result.push({
      id: row.id,
      title: row.title,
      secret: row.secret,
      closesAt: new Date(row.closes_at).toISOString(),
      eligible: voters.length,
      voted: onRoll,
      notVoted: row.secret
        ? null
        : voters
            .filter((v) => !votedIds.has(v.organizationId))
            .map((v) => ({ organizationId: v.organizationId, name: v.name })),
      mine:
        actor.role === 'delegate' && own
          ? { onRoll: voters.some((v) => v.organizationId === own), voted: votedIds.has(own) }
          : null,
    });
  }
  return result;
}
