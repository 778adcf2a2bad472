import { describe, expect, it } from 'vitest';
import { areaShares, containsPoint, type Rings, ScanShape } from './area-share.ts';

const square = (w: number, s: number, e: number, n: number): Rings => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];
const shape = (id: string, rings: Rings) => new ScanShape(id, rings);

describe('area shares by sampling', () => {
  it('splits a county between two districts by area, whatever the ring winding', () => {
    const county = square(0, 0, 2, 1);
    const west = shape('W', square(-1, -1, 0.5, 2));
    const east = shape('E', [[...(square(0.5, -1, 3, 2)[0] ?? [])].reverse()]);
    const shares = areaShares(shape('C', county), [west, east]);
    expect(shares.get('W')).toBeCloseTo(0.25, 2);
    expect(shares.get('E')).toBeCloseTo(0.75, 2);
  });

  it('holes are outside (even-odd), for points and for scan lines', () => {
    const withHole: Rings = [...square(0, 0, 4, 4), ...square(1, 1, 3, 3)];
    expect(containsPoint(withHole, 0.5, 0.5)).toBe(true);
    expect(containsPoint(withHole, 2, 2)).toBe(false);
    expect(new ScanShape('h', withHole).intervals(2)).toEqual([
      [0, 1],
      [3, 4],
    ]);
    const inHole = areaShares(shape('C', square(1.5, 1.5, 2.5, 2.5)), [shape('h', withHole)]);
    expect(inHole.size).toBe(0);
  });

  it('a district far away takes no share', () => {
    expect(areaShares(shape('C', square(0, 0, 1, 1)), [shape('far', square(10, 10, 11, 11))]).size).toBe(0);
  });
});
