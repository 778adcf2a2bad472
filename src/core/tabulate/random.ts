/**
 * The seeded generator behind random tiebreaks, specified so that anyone can redraw them:
 * the seed's UTF-16 code units are hashed with 32-bit FNV-1a, expanded by splitmix32 into the
 * four words of sfc32, and a draw among n candidates rejects values ≥ ⌊2³² / n⌋·n to stay unbiased.
 */
export interface SeededRandom {
  /** A uniform integer in [0, n). */
  below(n: number): number;
}

export function seededRandom(seed: string): SeededRandom {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193);
  let mix = hash >>> 0;
  const splitmix = () => {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  return {
    below(n: number): number {
      const limit = Math.floor(2 ** 32 / n) * n;
      for (;;) {
        const value = next();
        if (value < limit) return value % n;
      }
    },
  };
}
