import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, minimumTextContrast, readableTextOn } from './colour-contrast.ts';

const hex = fc
  .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
  .map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

describe('colour contrast (WCAG 2)', () => {
  it('gives the known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#0b5cad', '#ffffff')).toBeGreaterThan(minimumTextContrast);
    expect(contrastRatio('#ffcc00', '#ffffff')).toBeLessThan(2);
  });

  it('is symmetric, and the chosen text colour always reaches AA', () => {
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        expect(contrastRatio(a, b)).toBeCloseTo(contrastRatio(b, a), 10);
        expect(contrastRatio(a, readableTextOn(a))).toBeGreaterThanOrEqual(minimumTextContrast);
      }),
    );
  });

  it('refuses what is not #rrggbb', () => {
    expect(() => contrastRatio('red', '#ffffff')).toThrow(/Not a #rrggbb colour/);
  });
});
