import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signatureTarget } from './target.ts';

describe('signatureTarget', () => {
  it('uses 0.79 and 1.10 by default: 100,000 ÷ 0.79 × 1.10 = 139,240.51 → 139,241', () => {
    const target = signatureTarget({ required: 100_000 });
    expect(target.expectedValidity).toBe(0.79);
    expect(target.safetyMargin).toBe(1.1);
    expect(target.raw).toBe(139_241);
    expect(target.arithmetic).toBe('100000 ÷ 0.79 × 1.1 = 139240.51 → 139241');
  });

  it('takes edited validity and margin: 10,000 ÷ 0.8 × 1.2 = 15,000 exactly (no rounding past it)', () => {
    expect(signatureTarget({ required: 10_000, expectedValidity: 0.8, safetyMargin: 1.2 }).raw).toBe(15_000);
  });

  it('rounds a fraction up: 3 ÷ 0.79 × 1.1 = 4.177 → 5', () => {
    expect(signatureTarget({ required: 3 }).raw).toBe(5);
  });

  it('a perfect validity and no margin asks for exactly the requirement', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (required) => {
        expect(signatureTarget({ required, expectedValidity: 1, safetyMargin: 1 }).raw).toBe(required);
      }),
    );
  });

  it('the target, at the expected validity, always covers the requirement times the margin', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.double({ min: 0.3, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        (required, validity, margin) => {
          const { raw } = signatureTarget({ required, expectedValidity: validity, safetyMargin: margin });
          expect(raw * validity).toBeGreaterThanOrEqual(required * margin - 1e-6 * required);
          expect((raw - 1) * validity).toBeLessThan(required * margin);
        },
      ),
    );
  });

  it('refuses a validity outside (0, 1] or a margin below 1', () => {
    expect(() => signatureTarget({ required: 10, expectedValidity: 0 })).toThrow(RangeError);
    expect(() => signatureTarget({ required: 10, expectedValidity: 1.2 })).toThrow(RangeError);
    expect(() => signatureTarget({ required: 10, safetyMargin: 0.9 })).toThrow(RangeError);
  });
});
