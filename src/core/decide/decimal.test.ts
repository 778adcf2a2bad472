import { describe, expect, it } from 'vitest';
import { formatRatio, formatScaled } from './decimal.ts';

describe('exact decimals', () => {
  it('writes scaled integers without float drift', () => {
    expect(formatScaled(1100n, 3)).toBe('1.100');
    expect(formatScaled(5n, 3)).toBe('0.005');
    expect(formatScaled(-1234n, 2)).toBe('-12.34');
    expect(formatScaled(12345678901234567890123n, 3)).toBe('12345678901234567890.123');
  });
  it('rounds ratios half up for display', () => {
    expect(formatRatio(2n, 3n, 4)).toBe('0.6667');
    expect(formatRatio(1n, 8n, 2)).toBe('0.13');
    expect(formatRatio(1n, 0n, 2)).toBe('0.00');
  });
});
