import { describe, expect, it } from 'vitest';
import { ChangeFeed } from './change-feed.ts';
import { type CacheSource, VersionedMemo } from './versioned-cache.ts';

/** A source whose version is set by the test; counts version reads and builds. */
function source(scope: string) {
  const state = { version: 'v1', versions: 0, builds: 0 };
  const read: CacheSource<string> = {
    version: async () => {
      state.versions += 1;
      return state.version;
    },
    build: async (begin) => {
      begin(scope);
      state.builds += 1;
      return {
        scope,
        version: state.version,
        validUntil: Number.POSITIVE_INFINITY,
        value: `built ${state.builds}`,
      };
    },
  };
  return { state, read };
}

function liveFeed(): ChangeFeed {
  const feed = new ChangeFeed();
  feed.setLive(true);
  return feed;
}

describe('VersionedMemo with the public topic and a complete version', () => {
  it('ignores changes the public cannot see; a public change costs a version read, a rebuild only when it moved', async () => {
    const feed = liveFeed();
    const memo = new VersionedMemo<string>(feed, 10, 1_000, { topic: 'public', versionIsComplete: true });
    const { state, read } = source('c1');
    expect(await memo.get('k', 0, read)).toBe('built 1');
    // A ballot of the coalition (`c:` only): not even a version read.
    feed.changed('c:c1');
    expect(await memo.get('k', 1, read)).toBe('built 1');
    expect(state).toMatchObject({ versions: 0, builds: 1 });
    // This process's own write (everything): one version read, unchanged, kept.
    feed.changed('*');
    expect(await memo.get('k', 2, read)).toBe('built 1');
    expect(state).toMatchObject({ versions: 1, builds: 1 });
    // And not read again until the next change (or the recheck second).
    expect(await memo.get('k', 3, read)).toBe('built 1');
    expect(state.versions).toBe(1);
    // A public change whose version moved: rebuilt.
    state.version = 'v2';
    feed.changed('p:c1');
    expect(await memo.get('k', 4, read)).toBe('built 2');
    expect(state).toMatchObject({ versions: 2, builds: 2 });
    // Another coalition's public change leaves it alone.
    feed.changed('p:c2');
    expect(await memo.get('k', 5, read)).toBe('built 2');
    expect(state).toMatchObject({ versions: 2, builds: 2 });
  });

  it('without a complete version, any change of the scope rebuilds, as before', async () => {
    const feed = liveFeed();
    const memo = new VersionedMemo<string>(feed, 10);
    const { state, read } = source('c1');
    await memo.get('k', 0, read);
    feed.changed('c:c1');
    expect(await memo.get('k', 1, read)).toBe('built 2');
    expect(state.builds).toBe(2);
  });
});
