import type { Actor } from '../../core/actor.ts';
import { canonicalJson } from '../../core/audit/canonical-json.ts';
import {
  type AuditContent,
  type AuditLink,
  type ChainBreak,
  ChainVerifier,
  linkHash,
  type PublishedHead,
} from '../../core/audit/chain.ts';
import type { Db } from '../../db/database.ts';
import { sha256Hex } from './audit.hash.ts';
import * as repo from './audit.repository.ts';
import {
  type CoveredTable,
  coveredTables,
  parseRowKey,
  type RowRef,
  readRowStates,
  rowKey,
} from './row-state.repository.ts';

export interface AuditEntry {
  coalitionId: string;
  /** Who did it; null for the system itself (e.g. a decision closed because its window passed). */
  actor: Actor | null;
  action: string;
  subject: { type: string; id: string } | null;
  payload: Record<string, unknown>;
  /**
   * The covered rows (coveredTables in audit.schema.ts) this write produced: their state is read
   * back inside the transaction and its hash goes into `payload.rowHashes`, so `audit verify` can
   * tell a row edited behind the application's back from one an event explains.
   */
  rows?: readonly RowRef[];
  /**
   * The covered rows this write deleted: recorded as `null` in `payload.rowHashes`, so verify
   * expects them gone. A row listed here and in `rows` (deleted and written again, as a results
   * import replaces a race's rows) is recorded as written.
   */
  deletedRows?: readonly RowRef[];
}

/** sha256 of the canonical JSON of a row's covered columns. */
export const rowStateHash = (state: Record<string, unknown>): string => sha256Hex(canonicalJson(state));

async function hashRows(
  db: Db,
  coalitionId: string,
  rows: readonly RowRef[],
  deletedRows: readonly RowRef[],
): Promise<Record<string, string | null>> {
  const hashes: Record<string, string | null> = {};
  for (const table of coveredTables) {
    const ids = rows.filter((r) => r.table === table).map((r) => r.id);
    if (ids.length === 0) continue;
    const states = await readRowStates(db, coalitionId, table, ids);
    if (states.length !== new Set(ids).size)
      throw new Error(`appendAudit: a ${table} row to vouch for is missing`);
    for (const { id, state } of states) hashes[rowKey({ table, id })] = rowStateHash(state);
  }
  for (const table of coveredTables) {
    const ids = deletedRows.filter((r) => r.table === table && !(rowKey(r) in hashes)).map((r) => r.id);
    if (ids.length === 0) continue;
    if ((await readRowStates(db, coalitionId, table, ids)).length > 0)
      throw new Error(`appendAudit: a ${table} row recorded as deleted still exists`);
    for (const id of ids) hashes[rowKey({ table, id })] = null;
  }
  return hashes;
}

/**
 * Appends one event to the coalition's chain. Must run inside the transaction of the write it
 * describes, so the event and the write commit or roll back together.
 */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<AuditLink> {
  if (!db.isTransaction)
    throw new Error('appendAudit must run inside the transaction of the write it records');
  const rowHashes =
    entry.rows?.length || entry.deletedRows?.length
      ? await hashRows(db, entry.coalitionId, entry.rows ?? [], entry.deletedRows ?? [])
      : null;
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
    payload: JSON.parse(JSON.stringify(rowHashes ? { ...entry.payload, rowHashes } : entry.payload)),
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

/** A covered row whose current state no audit event explains. */
export interface RowFinding {
  table: CoveredTable;
  id: string;
  /** changed: differs from the state the last event recorded; unrecorded: no event records it; missing: recorded, now gone. */
  problem: 'changed' | 'unrecorded' | 'missing';
  /** The last event that recorded this row's state. */
  lastSeq: number | null;
}

export interface RowsReport {
  checked: number;
  unexplained: RowFinding[];
  /**
   * The `audit.rows_baselined` event written when row hashing was introduced (null for chains
   * begun after it): rows are vouched for from that event on; what happened to them before it is
   * vouched for only by the events' payloads, as before.
   */
  baselineSeq: number | null;
}

export interface VerifyReport {
  ok: boolean;
  events: number;
  head: { seq: number; hash: string } | null;
  firstBroken: ChainBreak | null;
  /** Null when verifying a file: there are no rows to compare. */
  rows: RowsReport | null;
}

export const baselineAction = 'audit.rows_baselined';

/**
 * The last recorded hash of every covered row, from the events' `payload.rowHashes`; `null` for a
 * row an event deleted.
 */
class RowLedger {
  readonly last = new Map<string, { hash: string | null; seq: number }>();
  baselineSeq: number | null = null;

  push(link: AuditLink): void {
    if (link.action === baselineAction && this.baselineSeq === null) this.baselineSeq = link.seq;
    const hashes = link.payload.rowHashes;
    if (typeof hashes !== 'object' || hashes === null) return;
    for (const [key, hash] of Object.entries(hashes)) {
      if (typeof hash === 'string' || hash === null) this.last.set(key, { hash, seq: link.seq });
    }
  }
}

/**
 * Recomputes every hash of the coalition's chain and names the first broken link; then replays
 * the covered rows (coveredTables) against the chain and names every row whose current state no
 * event explains; a row an event deleted (recorded `null`) that exists again is `changed`. With `published`, also checks that event
 * `published.seq` still has the hash published earlier (a rewritten tail would not).
 */
export async function verifyAuditChain(
  db: Db,
  coalitionId: string,
  options: { published?: PublishedHead | null } = {},
): Promise<VerifyReport> {
  const head = (await repo.findHead(db, coalitionId)) ?? null;
  const verifier = new ChainVerifier(sha256Hex, options.published ?? null);
  const ledger = new RowLedger();
  for await (const link of readChain(db, coalitionId)) {
    if (verifier.push(link)) break;
    ledger.push(link);
  }
  const firstBroken = verifier.finish(head);
  const rows = await replayRows(db, coalitionId, ledger);
  return {
    ok: firstBroken === null && rows.unexplained.length === 0,
    events: verifier.count,
    head,
    firstBroken,
    rows,
  };
}

async function replayRows(db: Db, coalitionId: string, ledger: RowLedger): Promise<RowsReport> {
  const unexplained: RowFinding[] = [];
  const seen = new Set<string>();
  let checked = 0;
  for (const table of coveredTables) {
    for (const { id, state } of await readRowStates(db, coalitionId, table)) {
      checked += 1;
      const key = rowKey({ table, id });
      seen.add(key);
      const recorded = ledger.last.get(key);
      if (!recorded) unexplained.push({ table, id, problem: 'unrecorded', lastSeq: null });
      else if (recorded.hash !== rowStateHash(state))
        unexplained.push({ table, id, problem: 'changed', lastSeq: recorded.seq });
    }
  }
  for (const [key, recorded] of ledger.last) {
    // Gone as the chain says (recorded deleted), or a table no longer covered.
    if (seen.has(key) || recorded.hash === null) continue;
    const { table, id } = parseRowKey(key);
    if (!coveredTables.includes(table)) continue;
    unexplained.push({ table, id, problem: 'missing', lastSeq: recorded.seq });
  }
  return { checked, unexplained, baselineSeq: ledger.baselineSeq };
}

export function describeRow(finding: RowFinding): string {
  const row = `${finding.table} row ${finding.id}`;
  switch (finding.problem) {
    case 'changed':
      return `${row} was changed outside the application: its state is not the one event ${finding.lastSeq} recorded`;
    case 'unrecorded':
      return `${row} is not recorded by any audit event`;
    case 'missing':
      return `${row} was deleted: event ${finding.lastSeq} recorded it`;
  }
}

/** The chain head with the time of its last event, for publishing elsewhere. */
export async function readChainHead(db: Db, coalitionId: string) {
  const head = await repo.findHead(db, coalitionId);
  if (!head || head.seq === 0) return null;
  const event = await repo.findEventTime(db, coalitionId, head.seq);
  return { seq: head.seq, hash: head.hash, at: event ? new Date(event.at).toISOString() : null };
}

/**
 * The version of what the public sees of a coalition (its ratified pacts, members, branding, the map):
 * moves with its public audit events and every map write, in their transactions (migration
 * 2026_12_06_2301), not with ballots, supporters or petition work. Read it before the data it versions.
 */
export async function readPublicVersion(db: Db, coalitionId: string): Promise<string> {
  const rows = await repo.findPublicVersions(db, coalitionId);
  const of = (scope: string) => rows.find((row) => row.scope === scope)?.version ?? '0';
  return `${of(coalitionId)}.${of('*')}`;
}

/** Verifies links read from anywhere (an exported JSON-lines file), with no database. */
export async function verifyLinks(
  links: AsyncIterable<AuditLink> | Iterable<AuditLink>,
  options: { published?: PublishedHead | null } = {},
): Promise<VerifyReport> {
  const verifier = new ChainVerifier(sha256Hex, options.published ?? null);
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
    rows: null,
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
    case 'published_head_mismatch':
      return `event ${broken.seq} hashes to ${broken.found}, not to the published head ${broken.expected}: the chain was rewritten from there or earlier`;
    case 'published_head_missing':
      return `the published head names event ${broken.seq} (${broken.expected}) but ${broken.found}`;
  }
}
