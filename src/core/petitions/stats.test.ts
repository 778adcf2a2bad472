import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../normal.ts';
import { wilsonInterval } from './stats.ts';

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in
  // Medicine 17:857–872, Table II, method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0.0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i matches Newcombe (1998): %f–%f', (x, n, low, high) => {
    const ci = wilsonInterval(x, n);
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it('is symmetric around one half: x/n and (n−x)/n mirror each other', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (n, k) => {
        const x = k % (n + 1);
        const a = wilsonInterval(x, n);
        const b = wilsonInterval(n - x, n);
        expect(a.low).toBeCloseTo(1 - b.high, 10);
        expect(a.low).toBeLessThanOrEqual(x / n + 1e-12);
        expect(a.high).toBeGreaterThanOrEqual(x / n - 1e-12);
      }),
    );
  });

  it('refuses counts that are not a proportion', () => {
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
  });
});

describe('normalCdf', () => {
  it('matches the table values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
    expect(normalCdf(1)).toBeCloseTo(0.8413447, 6);
  });
});
