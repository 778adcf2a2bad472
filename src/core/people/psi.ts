import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';

/**
 * Private set intersection cardinality by commutative blinding (the classic ECDH PSI-CA, as in
 * Huberman, Franklin and Hogg 1999 and De Cristofaro et al. 2012), over the prime-order group
 * ristretto255. Each side maps its identifiers onto the group, H(x), and raises them to its secret
 * scalar: H(x)^a. The other side raises what it receives to its own scalar: (H(x)^a)^b = H(x)^ab,
 * which both sides can compute and nobody can invert without both scalars. Counting equal
 * double-blinded points counts shared identifiers; shuffling hides which ones.
 *
 * Pure: secret scalars and shuffles come in as arguments (src/core takes no randomness of its own).
 */

const Point = ristretto255.Point;
const order = Point.Fn.ORDER;
const domain = new TextEncoder().encode('concord-overlap-v1');

/** A secret scalar from 64 random bytes (reduced mod the group order, never zero). */
export function scalarFromBytes(bytes: Uint8Array): bigint {
  if (bytes.length < 48) throw new Error('a blinding key needs at least 48 random bytes');
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  const scalar = value % order;
  return scalar === 0n ? 1n : scalar;
}

/** First pass: every identifier hashed onto the group and blinded with this side's key. Hex strings. */
export function blindIdentifiers(identifiers: Iterable<string>, key: bigint): string[] {
  const out: string[] = [];
  for (const identifier of new Set(identifiers)) {
    const point = ristretto255_hasher.hashToCurve(new TextEncoder().encode(identifier), { DST: domain });
    out.push(point.multiply(key).toHex());
  }
  return out;
}

/** Second pass: the other side's blinded points raised to this side's key. */
export function reblind(blinded: readonly string[], key: bigint): string[] {
  return blinded.map((hex) => Point.fromHex(hex).multiply(key).toHex());
}

/** How many double-blinded points the two sets share. */
export function countShared(doubleA: readonly string[], doubleB: readonly string[]): number {
  const inB = new Set(doubleB);
  let shared = 0;
  for (const point of new Set(doubleA)) if (inB.has(point)) shared += 1;
  return shared;
}

/** Fisher–Yates with a caller's random source, so the order of a relayed set says nothing. */
export function shuffled<T>(items: readonly T[], randomIndex: (bound: number) => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomIndex(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
