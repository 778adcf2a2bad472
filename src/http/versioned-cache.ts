import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Public responses built from ratified, immutable data, kept in memory per version (docs/performance.md,
 * "Read path"). The version comes from the database (a coalition's audit head: every stored change
 * appends an event), so several servers on one database stay correct without talking to each other;
 * `validUntil` bounds an entry whose answer changes with time alone (a decision's window ending).
 */
export interface CachedEntry<T> {
  version: string;
  validUntil: number;
  value: T;
  etag: string;
}

export class VersionedCache<T> {
  private readonly entries = new Map<string, CachedEntry<T>>();

  constructor(private readonly maxEntries: number) {}

  async get(
    key: string,
    version: string,
    validUntil: number,
    now: number,
    build: () => Promise<T>,
  ): Promise<CachedEntry<T>> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version && hit.validUntil > now) return hit;
    const value = await build();
    const etag = `"${createHash('sha1').update(version).update('\0').update(JSON.stringify(value)).digest('base64url')}"`;
    const entry = { version, validUntil, value, etag };
    this.entries.delete(key);
    // Oldest first out: Map keeps insertion order.
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, entry);
    return entry;
  }
}

/** A few seconds in shared caches and browsers, then revalidate with If-None-Match (304). */
export const publicCacheControl = 'public, max-age=5, must-revalidate';

/** Sends the entry with its ETag, or 304 when the client already holds it. */
export function answerCached<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: CachedEntry<T>,
): T | FastifyReply {
  reply.header('etag', entry.etag).header('cache-control', publicCacheControl);
  if (request.headers['if-none-match'] === entry.etag) return reply.status(304).send(null);
  return entry.value;
}
