import { canonicalJson } from './canonical-json.ts';

/** prev_hash of the first event of a chain. */
export const genesisHash = '0'.repeat(64);

/** The part of an audit event the hash covers. */
export interface AuditContent {
  seq: number;
  /** ISO 8601 UTC with milliseconds, e.g. 2026-11-23T10:00:00.000Z. */
  at: string;
  actor: { userId: string; role: string; organizationId: string | null } | null;
  action: string;
  subject: { type: string; id: string } | null;
  payload: Record<string, unknown>;
}

export interface AuditLink extends AuditContent {
  prevHash: string;
  hash: string;
}

/** sha256 of a UTF-8 string as lowercase hex; given by the caller (the core has no crypto I/O). */
export type Sha256Hex = (text: string) => string;

/** hash = sha256_hex(prev_hash_hex + canonical_json({seq, at, actor, action, subject, payload})). */
export function linkHash(prevHash: string, content: AuditContent, sha256: Sha256Hex): string {
  const { seq, at, actor, action, subject, payload } = content;
  return sha256(prevHash + canonicalJson({ seq, at, actor, action, subject, payload }));
}

export type ChainBreak =
  | { reason: 'seq_gap'; seq: number; expectedSeq: number }
  | { reason: 'prev_hash_mismatch'; seq: number; expected: string; found: string }
  | { reason: 'hash_mismatch'; seq: number; expected: string; found: string }
  | { reason: 'head_mismatch'; seq: number; expected: string; found: string }
  /** A head published earlier (`hash@seq`) is not the hash of that event now: the tail was rewritten. */
  | { reason: 'published_head_mismatch'; seq: number; expected: string; found: string }
  /** A head published earlier names an event the chain no longer has. */
  | { reason: 'published_head_missing'; seq: number; expected: string; found: string };

/** A chain head as published somewhere else: the hash of event `seq`. */
export interface PublishedHead {
  seq: number;
  hash: string;
}

/**
 * Walks a chain in order, one link at a time (so a caller can stream millions of events), and
 * remembers the first broken link. `finish` checks the recorded head against the last link seen:
 * that catches a chain cut short at the end, which no link can show by itself.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = genesisHash;
  private broken: ChainBreak | null = null;
  count = 0;

  constructor(
    private readonly sha256: Sha256Hex,
    private readonly published: PublishedHead | null = null,
  ) {}

  push(link: AuditLink): ChainBreak | null {
    if (this.broken) return this.broken;
    this.count += 1;
    if (link.seq !== this.expectedSeq) {
      this.broken = { reason: 'seq_gap', seq: link.seq, expectedSeq: this.expectedSeq };
    } else if (link.prevHash !== this.prevHash) {
      this.broken = {
        reason: 'prev_hash_mismatch',
        seq: link.seq,
        expected: this.prevHash,
        found: link.prevHash,
      };
    } else {
      const expected = linkHash(link.prevHash, link, this.sha256);
      if (expected !== link.hash)
        this.broken = { reason: 'hash_mismatch', seq: link.seq, expected, found: link.hash };
      else if (this.published && link.seq === this.published.seq && link.hash !== this.published.hash)
        this.broken = {
          reason: 'published_head_mismatch',
          seq: link.seq,
          expected: this.published.hash,
          found: link.hash,
        };
    }
    this.expectedSeq += 1;
    this.prevHash = link.hash;
    return this.broken;
  }

  finish(head: { seq: number; hash: string } | null): ChainBreak | null {
    const last = this.expectedSeq - 1;
    if (!this.broken && this.published && this.published.seq > last) {
      this.broken = {
        reason: 'published_head_missing',
        seq: this.published.seq,
        expected: this.published.hash,
        found: `the chain ends at event ${last}`,
      };
    }
    if (this.broken || head === null) return this.broken;
    if (head.seq !== last || head.hash !== this.prevHash) {
      // A head beyond the last link means links were cut off the end: the first missing one is named.
      const seq = head.seq > last ? last + 1 : head.seq;
      this.broken = { reason: 'head_mismatch', seq, expected: head.hash, found: this.prevHash };
    }
    return this.broken;
  }
}
