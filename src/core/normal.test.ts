import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import golden from './normal.golden.json' with { type: 'json' };
import { normalCdf } from './normal.ts';

/** The documented accuracy: relative error below 1.4e-7 (Numerical Recipes' erfcc). */
const relativeError = (actual: number, expected: number) => Math.abs(actual - expected) / expected;

describe('normalCdf', () => {
  it.each(golden.cases)('Φ($x) matches the reference to a relative 1.4e-7', ({ x, cdf }) => {
    expect(relativeError(normalCdf(x), cdf)).toBeLessThan(1.4e-7);
  });

  it('is symmetric, Φ(x) + Φ(-x) = 1, and non-decreasing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -30, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (x, step) => {
          expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 6);
          expect(normalCdf(x + step)).toBeGreaterThanOrEqual(normalCdf(x));
        },
      ),
    );
  });

  it('stays a probability far into the tails', () => {
    expect(normalCdf(-40)).toBeGreaterThanOrEqual(0);
    expect(normalCdf(40)).toBeLessThanOrEqual(1);
  });
});
