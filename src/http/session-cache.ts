import type { Actor } from '../core/actor.ts';
import type { SessionView } from '../features/accounts/accounts.schema.ts';
import type { ChangeFeed } from './change-feed.ts';

type Resolved = { actor: Actor; session: SessionView };

interface Entry {
  resolved: Resolved;
  until: number;
  epoch: number;
}

/**
 * Session cookie → actor, kept in memory for a few seconds so that a signed-in read does not look the
 * session up again (docs/performance.md, "Read path"). Used only while the change feed is live: a
 * sign-out, a role change or an account change anywhere notifies `u:<user>` (migration
 * 2026_12_04_1801), which drops that user's entries; a write by the session itself drops its own entry
 * at once (its sign-out is seen by its next request even before the notification arrives). `ttlMs`
 * bounds the life of an entry whose notification was missed all the same.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  /** Counts user notifications: one that arrives while a session is being looked up spoils the lookup. */
  private userChanges = 0;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {
    feed.subscribe((payload) => {
      if (!payload.startsWith('u:')) return;
      this.userChanges += 1;
      this.forgetUser(payload.slice(2));
    });
  }

  get(token: string, now: number): Resolved | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until > now && entry.epoch === this.feed.epoch && this.feed.live) return entry.resolved;
    this.forget(token);
    return undefined;
  }

  /** Taken before the session is looked up in the database, and given back to `set`. */
  ticket(): string {
    return `${this.feed.epoch}:${this.userChanges}`;
  }

  set(token: string, resolved: Resolved, now: number, ticket: string): void {
    if (!this.feed.live || ticket !== this.ticket()) return;
    const epoch = this.feed.epoch;
    if (this.entries.size >= this.maxEntries) this.clear();
    const expires = Date.parse(resolved.session.expiresAt);
    this.entries.set(token, { resolved, until: Math.min(now + this.ttlMs, expires), epoch });
    const tokens = this.byUser.get(resolved.actor.userId) ?? new Set<string>();
    tokens.add(token);
    this.byUser.set(resolved.actor.userId, tokens);
  }

  forget(token: string): void {
    const entry = this.entries.get(token);
    if (!entry) return;
    this.entries.delete(token);
    this.byUser.get(entry.resolved.actor.userId)?.delete(token);
  }

  private forgetUser(userId: string): void {
    for (const token of this.byUser.get(userId) ?? []) this.entries.delete(token);
    this.byUser.delete(userId);
  }

  private clear(): void {
    this.entries.clear();
    this.byUser.clear();
  }
}
