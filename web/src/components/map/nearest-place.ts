export type Direction = 'left' | 'right' | 'up' | 'down';

const unit: Record<Direction, readonly [number, number]> = {
  left: [-1, 0],
  right: [1, 0],
  up: [0, -1],
  down: [0, 1],
};

/**
 * The index of the place an arrow key moves to: the nearest centroid lying in that direction
 * (within about 63° of it), sideways distance counting double so the move feels straight.
 * -1 when there is none (the edge of the map).
 */
export function nearestInDirection(
  centroids: readonly (readonly [number, number])[],
  from: number,
  direction: Direction,
): number {
  const origin = centroids[from];
  if (!origin) return -1;
  const [ux, uy] = unit[direction];
  let best = -1;
  let bestScore = Number.POSITIVE_INFINITY;
  centroids.forEach(([x, y], i) => {
    if (i === from) return;
    const dx = x - origin[0];
    const dy = y - origin[1];
    const along = dx * ux + dy * uy;
    const across = Math.abs(dx * uy - dy * ux);
    if (along <= 0 || across > 2 * along) return;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

export const arrowDirections: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};
