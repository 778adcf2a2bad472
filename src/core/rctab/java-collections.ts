/**
 * Where RCTab's report order depends on Java's collections, the same order computed here:
 * java.util.HashMap/HashSet iteration order for String keys, and java.util.Random (the 48-bit linear
 * congruential generator behind RCTab's random tiebreaks and its shuffled permutations).
 */

/** String.hashCode: s[0]·31^(n-1) + … over UTF-16 code units, in 32-bit arithmetic. */
export function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

function spread(hash: number): number {
  return hash ^ (hash >>> 16);
}

function tableSizeFor(capacity: number): number {
  let n = 1;
  while (n < capacity) n *= 2;
  return Math.max(n, 1);
}

/**
 * Iteration order of a HashMap/HashSet after inserting `keys` in order (duplicates ignored).
 * Entries sit in bucket `hash & (n-1)` of the final table; a resize splits buckets without
 * reordering, so within a bucket the order is insertion order.
 * `initialCapacity` is the constructor's argument (16 for `new HashMap<>()`).
 */
export function javaHashOrder(keys: Iterable<string>, initialCapacity = 16): string[] {
  const unique = [...new Set(keys)];
  let tableSize = tableSizeFor(initialCapacity);
  let count = 0;
  for (const _ of unique) {
    count += 1;
    if (count > tableSize * 0.75) tableSize *= 2;
  }
  const bucketOf = (key: string) => spread(javaStringHash(key)) & (tableSize - 1);
  return unique
    .map((key, index) => ({ key, index, bucket: bucketOf(key) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((entry) => entry.key);
}

/** `new HashSet<>(collection)`: sized for the collection, then filled in its order. */
export function javaHashSetCopyOrder(keys: readonly string[]): string[] {
  const capacity = Math.max(Math.floor(keys.length / 0.75) + 1, 16);
  return javaHashOrder(keys, capacity);
}

const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

/** java.util.Random, bit for bit. */
export class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint) {
    this.seed = (BigInt.asIntN(64, seed) ^ MULTIPLIER) & MASK;
  }

  private next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  nextDouble(): number {
    const high = BigInt(this.next(26));
    const low = BigInt(this.next(27));
    return Number((high << 27n) + low) * 2 ** -53;
  }

  nextInt(bound: number): number {
    if ((bound & -bound) === bound) {
      return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    }
    let bits: number;
    let value: number;
    do {
      bits = this.next(31);
      value = bits % bound;
    } while (bits - value + (bound - 1) > 2 ** 31 - 1);
    return value;
  }
}

/** Collections.shuffle(list, random) for a RandomAccess list: swaps from the end. */
export function javaShuffle<T>(list: T[], random: JavaRandom): void {
  for (let i = list.length; i > 1; i--) {
    const j = random.nextInt(i);
    const held = list[i - 1] as T;
    list[i - 1] = list[j] as T;
    list[j] = held;
  }
}
