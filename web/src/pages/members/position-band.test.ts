import { describe, expect, it } from 'vitest';
import { inPositionBand } from './position-band.ts';

describe('inPositionBand', () => {
  it('puts the band edges in the centre and undeclared positions only in their own band', () => {
    expect([-0.21, -0.2, 0.2, 0.21].map((p) => inPositionBand(p, 'centre'))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(inPositionBand(-0.21, 'left')).toBe(true);
    expect(inPositionBand(0.21, 'right')).toBe(true);
    expect(inPositionBand(null, 'undeclared')).toBe(true);
    expect(['left', 'centre', 'right'].some((b) => inPositionBand(null, b as 'left'))).toBe(false);
  });
});
