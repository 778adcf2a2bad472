import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeFeed, ChangeTopic } from './change-feed.ts';

/**
 * Public responses built from ratified, immutable data, kept in memory as ready-to-send bodies
 * (docs/performance.md, "Read path"). A hit costs no query: an entry is dropped when the change feed
 * (src/http/change-feed.ts: this process's writes, and every server's through LISTEN/NOTIFY) reports
 * a change to its coalition. As a bound on a notification missed all the same, a live entry is checked
 * against the database's version (the coalition's audit head) at most once per `recheckMs`; while
 * the feed is not live (no listener, or its connection is down) it is checked on every request.
 * `validUntil` bounds an entry whose answer changes with time alone (a decision's window ending).
 */
export interface CachedBody {
  etag: string;
  json: string;
  /** Compressed variants (and the plain bytes), made on first demand and kept with the entry. */
  encoded: { gzip?: Buffer; br?: Buffer; identity?: Buffer };
}

interface Entry<V> {
  scope: string;
  stamp: string;
  version: string;
  validUntil: number;
  checkedAt: number;
  value: V;
}

export interface Built<T> {
  /** The coalition whose changes invalidate the answer. */
  scope: string;
  /** The database's version of the scope, compared when the entry is re-checked. */
  version: string;
  validUntil: number;
  value: T;
}

export interface CacheSource<T> {
  /** The current version of a scope (one small query). */
  version(scope: string): Promise<string>;
  /**
   * Reads the answer. It calls `begin(scope)` once it knows the scope and before reading the data,
   * so that a change committed while it reads leaves the entry already stale.
   */
  build(begin: (scope: string) => void): Promise<Built<T>>;
}

/** A body kept to be sent again: its ETag now, its compressed variants when first asked for. */
export function cachedBody(json: string): CachedBody {
  return { json, etag: `"${createHash('sha1').update(json).digest('base64url')}"`, encoded: {} };
}

/**
 * Values kept per key under the rules above, whatever they are: ready-to-send bodies
 * (`VersionedCache`), or what many answers are made from (the public lookup's per-coalition index).
 */
export interface MemoOptions {
  /** Which changes of the scope end an entry (src/http/change-feed.ts): all, or only public ones. */
  topic?: ChangeTopic;
  /**
   * The source's version covers everything the value is made from, in the database (it is read
   * before the data): a notified change then costs one version read, and a rebuild only when the
   * version moved. Without it a notified change rebuilds (the version may not see every change).
   */
  versionIsComplete?: boolean;
}

export class VersionedMemo<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Builds under way: requests for the same key while no change was heard share one. */
  private readonly building = new Map<string, { sequence: number; entry: Promise<Entry<V>> }>();
  private readonly topic: ChangeTopic;
  private readonly versionIsComplete: boolean;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly maxEntries: number,
    private readonly recheckMs = 1_000,
    options: MemoOptions = {},
  ) {
    this.topic = options.topic ?? 'all';
    this.versionIsComplete = options.versionIsComplete ?? false;
  }

  async get(key: string, now: number, source: CacheSource<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.validUntil > now) {
      // Taken before the version is read: a change heard meanwhile leaves the entry to be checked again.
      const stamp = this.feed.stamp(hit.scope, this.topic);
      const unchanged = hit.stamp === stamp;
      if (unchanged && this.feed.live && now - hit.checkedAt < this.recheckMs) return hit.value;
      if ((unchanged || this.versionIsComplete) && (await source.version(hit.scope)) === hit.version) {
        hit.checkedAt = now;
        hit.stamp = stamp;
        return hit.value;
      }
    }
    const sequence = this.feed.sequenceOf(this.topic);
    const shared = this.building.get(key);
    if (shared && shared.sequence === sequence) return (await shared.entry).value;
    const entry = this.build(key, now, source);
    this.building.set(key, { sequence, entry });
    try {
      return (await entry).value;
    } finally {
      if (this.building.get(key)?.entry === entry) this.building.delete(key);
    }
  }

  private async build(key: string, now: number, source: CacheSource<V>): Promise<Entry<V>> {
    let stamp = '';
    const built = await source.build((scope) => {
      stamp = this.feed.stamp(scope, this.topic);
    });
    const entry: Entry<V> = {
      scope: built.scope,
      stamp,
      version: built.version,
      validUntil: built.validUntil,
      checkedAt: now,
      value: built.value,
    };
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

/** Answers kept serialized: the JSON once, through the route's response schema, and its ETag. */
export class VersionedCache<T> {
  private readonly memo: VersionedMemo<CachedBody>;

  constructor(
    feed: ChangeFeed,
    private readonly serialize: (value: T) => string,
    maxEntries: number,
    recheckMs = 1_000,
  ) {
    this.memo = new VersionedMemo(feed, maxEntries, recheckMs);
  }

  get(key: string, now: number, source: CacheSource<T>): Promise<CachedBody> {
    return this.memo.get(key, now, {
      version: (scope) => source.version(scope),
      build: async (begin) => {
        const built = await source.build(begin);
        return { ...built, value: cachedBody(this.serialize(built.value)) };
      },
    });
  }
}

/** A few seconds in shared caches and browsers, then revalidate with If-None-Match (304). */
export const publicCacheControl = 'public, max-age=5, must-revalidate';

/** Bodies smaller than this go uncompressed (as @fastify/compress's threshold in src/app.ts). */
const compressFrom = 1024;

/** The best encoding the client accepts (q > 0), brotli first. */
export function acceptedEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const accepted = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim().toLowerCase());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

function encode(body: CachedBody, encoding: 'br' | 'gzip'): Buffer {
  const done = body.encoded[encoding];
  if (done) return done;
  const made =
    encoding === 'br'
      ? brotliCompressSync(body.json, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(body.json),
          },
        })
      : gzipSync(body.json, { level: 9 });
  body.encoded[encoding] = made;
  return made;
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/**
 * Sends the cached body as it is (no serialization, compressed once), or 304 when the client already
 * holds it. The body was serialized through the route's response schema when it was built.
 */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  body: CachedBody,
  cacheControl = publicCacheControl,
  /** Other media types (TopoJSON, GeoJSON), and what else the body varies by (the cookie). */
  options: { contentType?: string; vary?: string } = {},
): FastifyReply {
  const vary = options.vary ? `${options.vary}, accept-encoding` : 'accept-encoding';
  reply.header('etag', body.etag).header('cache-control', cacheControl).header('vary', vary);
  if (matches(request.headers['if-none-match'], body.etag)) return reply.status(304).send();
  reply.type(options.contentType ?? 'application/json; charset=utf-8');
  const encoding =
    body.json.length >= compressFrom ? acceptedEncoding(request.headers['accept-encoding']) : undefined;
  if (!encoding) {
    // Bytes, not the string: encoding a megabyte of map JSON as UTF-8 again for every request costs more than sending it.
    body.encoded.identity ??= Buffer.from(body.json);
    return reply.send(body.encoded.identity);
  }
  return reply.header('content-encoding', encoding).send(encode(body, encoding));
}
