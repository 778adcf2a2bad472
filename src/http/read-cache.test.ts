import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/actor.ts';
import { ChangeFeed } from './change-feed.ts';
import { ReadCache } from './read-cache.ts';

const staff: Actor = { userId: 'u1', coalitionId: 'c1', organizationId: null, role: 'secretariat' };
const delegate: Actor = { userId: 'u2', coalitionId: 'c1', organizationId: 'o1', role: 'delegate' };

function liveFeed() {
  const feed = new ChangeFeed();
  feed.setLive(true);
  return feed;
}

describe('ReadCache', () => {
  it('keeps an answer per reader and URL until its coalition changes or its second ends', () => {
    const feed = liveFeed();
    const cache = new ReadCache(feed, 1_000);
    const key = ReadCache.key(staff, '/api/organizations');
    const stamp = cache.begin('c1');
    cache.set(key, 'c1', stamp, '{"a":1}', 0);
    expect(cache.get(key, 500)?.json).toBe('{"a":1}');
    expect(cache.get(ReadCache.key(delegate, '/api/organizations'), 500)).toBeUndefined();
    expect(cache.get(key, 1_000)).toBeUndefined();

    cache.set(key, 'c1', cache.begin('c1'), '{"a":2}', 0);
    feed.changed('c:other');
    expect(cache.get(key, 1)?.json).toBe('{"a":2}');
    feed.changed('c:c1');
    expect(cache.get(key, 1)).toBeUndefined();
  });

  it('drops an answer read while a change arrived, and stores nothing while the feed is not live', () => {
    const feed = liveFeed();
    const cache = new ReadCache(feed, 1_000);
    const key = ReadCache.key(staff, '/api/decisions');
    const stamp = cache.begin('c1');
    feed.changed('*'); // committed while the answer was being read
    cache.set(key, 'c1', stamp, '{}', 0);
    expect(cache.get(key, 1)).toBeUndefined();

    cache.set(key, 'c1', cache.begin('c1'), '{}', 0);
    feed.setLive(false);
    expect(cache.get(key, 1)).toBeUndefined();
    expect(cache.begin('c1')).toBeUndefined();
    cache.set(key, 'c1', undefined, '{}', 0);
    expect(cache.get(key, 1)).toBeUndefined();
  });

  it('shares one read among concurrent misses, but not with a request that came after a change', async () => {
    const feed = liveFeed();
    const cache = new ReadCache(feed, 1_000);
    const key = ReadCache.key(staff, '/api/pacts');
    let reads = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const read = async () => {
      reads += 1;
      await gate;
      return cache.set(key, 'c1', cache.begin('c1'), `{"read":${reads}}`, 0);
    };
    const first = cache.shared(key, read);
    const second = cache.shared(key, read);
    feed.changed('c:c1');
    const third = cache.shared(key, read);
    release();
    const bodies = await Promise.all([first, second, third]);
    expect(reads).toBe(2);
    expect(bodies[0]).toBe(bodies[1]);
    expect(bodies[2]).not.toBe(bodies[0]);
  });
});
