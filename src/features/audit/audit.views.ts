import type { z } from 'zod';
import type { Actor } from '../../core/actor.ts';
import type { Db } from '../../db/database.ts';
import * as repo from './audit.repository.ts';
import type { auditEventsQuerySchema, auditEventsResponseSchema } from './audit.schema.ts';
import { describeBreak, toLink, verifyAuditChain } from './audit.service.ts';

/** Reads for the actor's own coalition only: the coalition id never comes from the request. */
export async function listAuditEvents(
  db: Db,
  actor: Actor,
  query: z.infer<typeof auditEventsQuerySchema>,
): Promise<z.infer<typeof auditEventsResponseSchema>> {
  const rows = await repo.browseEvents(db, actor.coalitionId, query);
  const events = rows.map((row) => ({ ...toLink(row), actorName: row.actor_name ?? null }));
  const last = events.at(-1);
  const full = last !== undefined && events.length === query.limit;
  return {
    events,
    nextAfterSeq: full && query.order === 'asc' ? last.seq : null,
    nextBeforeSeq: full && query.order === 'desc' ? last.seq : null,
  };
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
