import type { Actor } from '../core/actor.ts';
import type { ChangeFeed } from './change-feed.ts';
import { type CachedBody, cachedBody } from './versioned-cache.ts';

interface Entry {
  scope: string;
  stamp: string;
  until: number;
  body: CachedBody;
}

/** Signed-in answers are for their reader only: browsers keep them, and ask again every time. */
export const privateCacheControl = 'private, no-cache';

/**
 * Signed-in reads that many ask for at once (the members list, a decision's page, the pacts list),
 * kept serialized for a second per reader and URL (docs/performance.md, "Read path"). Only while the
 * change feed is live: any stored change of the reader's coalition, notified by any server, drops
 * the entry at once, so the second only bounds what changes with time alone (a decision's window
 * opening or ending shows at most `ttlMs` late; a ballot cast then is refused or counted by the write
 * path, which reads the clock itself). The key holds the whole actor, so no one sees another's view.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  /** Reads under way: requests for the same key while no change was heard share one. */
  private readonly reading = new Map<string, { sequence: number; body: Promise<CachedBody> }>();

  constructor(
    private readonly feed: ChangeFeed,
    private readonly ttlMs = 1_000,
    private readonly maxEntries = 10_000,
  ) {}

  static key(actor: Actor, url: string): string {
    return [actor.userId, actor.coalitionId, actor.role, actor.organizationId ?? '', url].join('\0');
  }

  get(key: string, now: number): CachedBody | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.feed.live && entry.until > now && entry.stamp === this.feed.stamp(entry.scope))
      return entry.body;
    this.entries.delete(key);
    return undefined;
  }

  /** The answer of `read`, or of the same read already under way if no change was heard since it began. */
  async shared(key: string, read: () => Promise<CachedBody>): Promise<CachedBody> {
    const sequence = this.feed.sequence;
    const under = this.reading.get(key);
    if (this.feed.live && under && under.sequence === sequence) return under.body;
    const body = read();
    this.reading.set(key, { sequence, body });
    try {
      return await body;
    } finally {
      if (this.reading.get(key)?.body === body) this.reading.delete(key);
    }
  }

  /** The stamp to give `set`: taken before the answer is read. */
  begin(scope: string): string | undefined {
    return this.feed.live ? this.feed.stamp(scope) : undefined;
  }

  set(key: string, scope: string, stamp: string | undefined, json: string, now: number): CachedBody {
    const body = cachedBody(json);
    if (stamp === undefined || !this.feed.live) return body;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { scope, stamp, until: now + this.ttlMs, body });
    return body;
  }
}
