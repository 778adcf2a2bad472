import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/database.ts';
import * as repo from './audit.repository.ts';
import type { AuditEventView } from './audit.schema.ts';
import { describeBreak, toLink, verifyAuditChain } from './audit.service.ts';

/** Reads for the actor's own coalition only: the coalition id never comes from the request. */
export async function listAuditEvents(
  db: Db,
  actor: Actor,
  query: { afterSeq: number; limit: number; action?: string | undefined; subjectId?: string | undefined },
): Promise<{ events: AuditEventView[]; nextAfterSeq: number | null }> {
  const rows = await repo.listEvents(db, actor.coalitionId, query);
  const events = rows.map(toLink);
  const last = events.at(-1);
  return { events, nextAfterSeq: last && events.length === query.limit ? last.seq : null };
}

export async function verifyForActor(db: Db, actor: Actor) {
  const report = await verifyAuditChain(db, actor.coalitionId);
  return {
    ...report,
    message: report.firstBroken
      ? `broken: ${describeBreak(report.firstBroken)}`
      : `intact: ${report.events} event(s), head ${report.head?.hash ?? '(empty chain)'}`,
  };
}
