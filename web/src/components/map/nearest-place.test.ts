import { describe, expect, it } from 'vitest';
import { nearestInDirection } from './nearest-place.ts';

// A plus sign of places around the origin (index 0), screen coordinates (y grows downwards).
const plus: [number, number][] = [
  [0, 0],
  [10, 0], // 1: right
  [-10, 0], // 2: left
  [0, -10], // 3: up
  [0, 10], // 4: down
  [30, 2], // 5: further right
  [6, 9], // 6: down-right, closer to "down" than to "right"
];

describe('nearestInDirection', () => {
  it('moves to the nearest place in each direction', () => {
    expect(nearestInDirection(plus, 0, 'right')).toBe(1);
    expect(nearestInDirection(plus, 0, 'left')).toBe(2);
    expect(nearestInDirection(plus, 0, 'up')).toBe(3);
    expect(nearestInDirection(plus, 0, 'down')).toBe(4);
  });

  it('counts sideways distance double, so a move stays straight', () => {
    // (6, 9) is nearer than (0, 10) but lies 6 to the side: "down" still picks the straight one.
    expect(nearestInDirection(plus, 0, 'down')).toBe(4);
    expect(nearestInDirection(plus, 1, 'right')).toBe(5);
  });

  it('answers -1 at the edge of the map and for an unknown start', () => {
    expect(nearestInDirection(plus, 5, 'right')).toBe(-1);
    expect(nearestInDirection(plus, 99, 'left')).toBe(-1);
    expect(nearestInDirection([[0, 0]], 0, 'up')).toBe(-1);
  });
});
