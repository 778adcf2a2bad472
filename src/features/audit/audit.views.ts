import type { z } from 'zod';
import type { Actor } from '../../core/actor.ts';
import type { PublishedHead } from '../../core/audit/chain.ts';
import type { Db } from '../../db/database.ts';
import * as repo from './audit.repository.ts';
import type { auditEventsQuerySchema, auditEventsResponseSchema } from './audit.schema.ts';
import {
  describeBreak,
  describeRow,
  readChainHead,
  toLink,
  type VerifyReport,
  verifyAuditChain,
} from './audit.service.ts';

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

export async function verifyForActor(db: Db, actor: Actor, published: PublishedHead | null = null) {
  const report = await verifyAuditChain(db, actor.coalitionId, { published });
  return { ...report, message: describeReport(report) };
}

export function describeReport(report: VerifyReport): string {
  const unexplained = report.rows?.unexplained ?? [];
  if (report.firstBroken) return `broken: ${describeBreak(report.firstBroken)}`;
  if (unexplained.length > 0)
    return `rows not explained by the chain: ${unexplained.map(describeRow).join('; ')}`;
  const rows = report.rows ? `, ${report.rows.checked} row(s) match it` : '';
  return `intact: ${report.events} event(s)${rows}, head ${report.head?.hash ?? '(empty chain)'}`;
}

/** The chain head of the actor's coalition, for copying elsewhere. */
export const headForActor = (db: Db, actor: Actor) => readChainHead(db, actor.coalitionId);
