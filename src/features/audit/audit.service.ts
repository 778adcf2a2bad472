import type { Actor } from '../../core/actor.ts';
import {
  type AuditContent,
  type AuditLink,
  type ChainBreak,
  ChainVerifier,
  linkHash,
} from '../../core/audit/chain.ts';
import type { Db } from '../../db/database.ts';
import { sha256Hex } from './audit.hash.ts';
import * as repo from './audit.repository.ts';

export interface AuditEntry {
  coalitionId: string;
  /** Who did it; null for the system itself (e.g. a decision closed because its window passed). */
  actor: Actor | null;
  action: string;
  subject: { type: string; id: string } | null;
  payload: Record<string, unknown>;
}

/**
 * Appends one event to the coalition's chain. Must run inside the transaction of the write it
 * describes, so the event and the write commit or roll back together.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<AuditLink> {
  if (!db.isTransaction)
    throw new Error('appendAudit must run inside the transaction of the write it records');
  const head = await repo.lockHead(db, entry.coalitionId);
  const content: AuditContent = {
    seq: head.seq + 1,
    // Taken after the lock, so times follow the chain order.
    at: new Date().toISOString(),
    actor: entry.actor
      ? { userId: entry.actor.userId, role: entry.actor.role, organizationId: entry.actor.organizationId }
      : null,
    action: entry.action,
    subject: entry.subject,
    // A JSON round trip drops undefined values exactly as the jsonb column will.
    payload: JSON.parse(JSON.stringify(entry.payload)),
  };
  const hash = linkHash(head.hash, content, sha256Hex);
  await repo.insertEventAndAdvanceHead(db, {
    coalition_id: entry.coalitionId,
    seq: content.seq,
    at: new Date(content.at),
    actor: JSON.stringify(content.actor),
    action: content.action,
    subject: JSON.stringify(content.subject),
    payload: JSON.stringify(content.payload),
    prev_hash: head.hash,
    hash,
  });
  return { ...content, prevHash: head.hash, hash };
}

type EventRow = Awaited<ReturnType<typeof repo.listEvents>>[number];

export function toLink(row: EventRow): AuditLink {
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    payload: row.payload,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Every event of the chain in order, read a page at a time. */
export async function* readChain(db: Db, coalitionId: string, pageSize = 1000): AsyncGenerator<AuditLink> {
  let afterSeq = 0;
  for (;;) {
    const rows = await repo.listEvents(db, coalitionId, { afterSeq, limit: pageSize });
    for (const row of rows) yield toLink(row);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    afterSeq = last.seq;
  }
}

export interface VerifyReport {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  firstBroken: ChainBreak | null;
}

/** Recomputes every hash of the coalition's chain and names the first broken link. */
export async function verifyAuditChain(db: Db, coalitionId: string): Promise<VerifyReport> {
  const head = (await repo.findHead(db, coalitionId)) ?? null;
  const verifier = new ChainVerifier(sha256Hex);
  for await (const link of readChain(db, coalitionId)) {
    if (verifier.push(link)) break;
  }
  const firstBroken = verifier.finish(head);
  return { ok: firstBroken === null, events: verifier.count, head, firstBroken };
}

/** Verifies links read from anywhere (an exported JSON-lines file), with no database. */
export async function verifyLinks(
  links: AsyncIterable<AuditLink> | Iterable<AuditLink>,
): Promise<VerifyReport> {
  const verifier = new ChainVerifier(sha256Hex);
  let last: AuditLink | null = null;
  for await (const link of links) {
    last = link;
    if (verifier.push(link)) break;
  }
  // An export carries no separate head: the last line is taken as the head.
  const firstBroken = verifier.finish(null);
  return {
    ok: firstBroken === null,
    events: verifier.count,
    head: last && { seq: last.seq, hash: last.hash },
    firstBroken,
  };
}

export function describeBreak(broken: ChainBreak): string {
  switch (broken.reason) {
    case 'seq_gap':
      return `event ${broken.seq} follows ${broken.expectedSeq - 1}: event ${broken.expectedSeq} is missing`;
    case 'prev_hash_mismatch':
      return `event ${broken.seq} does not point at the hash of the event before it (expected prev_hash ${broken.expected}, found ${broken.found})`;
    case 'hash_mismatch':
      return `event ${broken.seq} was altered: its content hashes to ${broken.expected}, the stored hash is ${broken.found}`;
    case 'head_mismatch':
      return `the chain head records ${broken.expected} but the chain ends before event ${broken.seq} or differs there`;
  }
}
