import type { FastifyInstance } from 'fastify';
import type { Listen } from '../db/listen.ts';

/**
 * The NOTIFY channel of migrations 2026_12_04_1801 (payloads `c:<coalition>`, `u:<user>`, `*`) and
 * 2026_12_06_2301 (`p:<coalition>`: a change the public may see).
 */
export const changesChannel = 'concord_changes';

declare module 'fastify' {
  interface FastifyInstance {
    /** What changed since a cached answer was built: src/http/versioned-cache.ts, the session cache. */
    changes: ChangeFeed;
  }
}

/**
 * Tells the in-memory caches that stored data changed, without asking the database per request
 * (docs/performance.md, "Read path"). A cache entry records the stamp of its scope when it starts
 * reading; any change to that scope (or to everything) after that moment makes the stamp differ.
 * Changes arrive from this process's own writes at once (`onSend` of a successful write: the
 * transaction has committed) and from every process on the database through LISTEN/NOTIFY, which
 * PostgreSQL sends at commit. `live` is false while notifications can be missed (no listener, or the
 * listening connection is down): the caches then check the database on every request.
 */
export class ChangeFeed {
  private everything = 0;
  private readonly scopes = new Map<string, number>();
  private readonly publicScopes = new Map<string, number>();
  private readonly subscribers = new Set<(payload: string) => void>();
  live = false;
  /** Counts every change heard: a build may be shared only by requests that came before the next. */
  sequence = 0;
  /** As `sequence`, counting only what the `public` topic hears (`p:` and `*`). */
  publicSequence = 0;
  /** Counts the times `live` changed: a cache entry made in another epoch may have missed changes. */
  epoch = 0;

  /**
   * Changes when `scope` (a coalition id) or everything changes. With the `public` topic, only a
   * change the public may see (`p:`) or everything (`*`, which includes this process's own writes)
   * counts: ballots, supporter edits and petition work of other servers leave it as it was.
   */
  stamp(scope: string, topic: ChangeTopic = 'all'): string {
    const scopes = topic === 'public' ? this.publicScopes : this.scopes;
    return `${this.everything}.${scopes.get(scope) ?? 0}`;
  }

  /** `sequence` or `publicSequence`. */
  sequenceOf(topic: ChangeTopic): number {
    return topic === 'public' ? this.publicSequence : this.sequence;
  }

  /** `*` (everything), `c:<coalition id>`, `p:<coalition id>` (public), or `u:<user id>` (that user's sessions). */
  changed(payload: string): void {
    this.sequence += 1;
    if (payload === '*') {
      this.everything += 1;
      this.publicSequence += 1;
    } else if (payload.startsWith('c:')) {
      const scope = payload.slice(2);
      this.scopes.set(scope, (this.scopes.get(scope) ?? 0) + 1);
    } else if (payload.startsWith('p:')) {
      // A public change is an audit event too: its `c:` notification comes as well.
      this.publicSequence += 1;
      const scope = payload.slice(2);
      this.publicScopes.set(scope, (this.publicScopes.get(scope) ?? 0) + 1);
    }
    for (const subscriber of this.subscribers) subscriber(payload);
  }

  subscribe(subscriber: (payload: string) => void): void {
    this.subscribers.add(subscriber);
  }

  setLive(live: boolean): void {
    if (live === this.live) return;
    this.live = live;
    this.epoch += 1;
    // Whatever happened while nobody listened is unknown: everything may have changed.
    this.changed('*');
  }
}

/** What a cache listens to: every change of its scope, or only those the public may see. */
export type ChangeTopic = 'all' | 'public';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Decorates `app.changes`; with `listen` (a server), subscribes to the database's notifications for
 * the app's lifetime. Without it (tests built on `app.inject`), the feed stays not live.
 */
export async function installChangeFeed(app: FastifyInstance, listen: Listen | undefined): Promise<void> {
  const feed = new ChangeFeed();
  app.decorate('changes', feed);
  // Every successful write of this process (its transaction has committed when the reply is being
  // sent; before the client can read it): which tables it touched is unknown here, so everything.
  app.addHook('onSend', async (request, reply) => {
    if (!safeMethods.has(request.method) && reply.statusCode < 400) feed.changed('*');
  });
  if (!listen) return;
  const stop = await listen(changesChannel, {
    onChange: (payload) => feed.changed(payload),
    onListening: (listening) => feed.setLive(listening),
  });
  app.addHook('onClose', async () => {
    feed.setLive(false);
    // The database may already be closed (another onClose hook): nothing is left to stop then.
    await stop().catch(() => {});
  });
}
