import { randomBytes } from 'node:crypto';

/**
 * Ids for one import, in increasing order (UUID version 7 layout: the import's start in
 * milliseconds, then random bits, then a counter). Random version-4 ids land all over the primary
 * key's B-tree, so each of a million inserts dirties a different page; ordered ids append at its
 * right edge. 26 random bits per import keep two imports in the same millisecond apart, and the
 * primary key refuses any collision.
 */
export function orderedIds(now = Date.now()): () => string {
  const time = now.toString(16).padStart(12, '0').slice(-12);
  const rand = randomBytes(4).toString('hex');
  // 7 + 12 random bits | variant 10 + 14 random bits, then a 48-bit counter.
  const head = `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand.slice(0, 3)}-${((Number.parseInt(rand.slice(3, 4), 16) & 0x3) | 0x8).toString(16)}${rand.slice(4, 7)}-`;
  let counter = 0;
  return () => {
    counter += 1;
    return head + counter.toString(16).padStart(12, '0');
  };
}
