/**
 * The share of an area (a county) inside each of several others (House districts), estimated by
 * sampling: a regular lon/lat grid over the county's bounding box, each point inside the county
 * weighted by cos(latitude) (a degree of longitude is shorter towards the poles), counted for the
 * district containing it. Planar point-in-polygon on lon/lat is exact enough at county scale and
 * indifferent to ring winding, unlike clipping. The result is area-based, not population-based.
 */

export type Ring = readonly (readonly number[])[];
/** A polygon or multipolygon as rings of [lon, lat]: outer rings and holes together (even-odd rule). */
export type Rings = readonly Ring[];
export type Box = readonly [number, number, number, number];

export function ringsOf(
  geometry: { type: 'Polygon'; coordinates: Rings } | { type: 'MultiPolygon'; coordinates: readonly Rings[] },
): Rings {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function boxOfRings(rings: Rings): Box {
  let w = Number.POSITIVE_INFINITY;
  let s = Number.POSITIVE_INFINITY;
  let e = Number.NEGATIVE_INFINITY;
  let n = Number.NEGATIVE_INFINITY;
  for (const ring of rings)
    for (const [x = 0, y = 0] of ring) {
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    }
  return [w, s, e, n];
}

/** Even-odd ray casting over every ring: holes and several polygons need no special case. */
export function containsPoint(rings: Rings, x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/**
 * A shape prepared for horizontal scan lines: its edges bucketed by latitude, so the crossings of
 * one line touch only the edges near it.
 */
export class ScanShape {
  private readonly buckets: number[][][] = [];
  private readonly bottom: number;
  private readonly step: number;
  readonly box: Box;

  constructor(
    readonly id: string,
    rings: Rings,
    bucketCount = 64,
  ) {
    this.box = boxOfRings(rings);
    this.bottom = this.box[1];
    this.step = Math.max((this.box[3] - this.box[1]) / bucketCount, 1e-9);
    for (let b = 0; b < bucketCount; b += 1) this.buckets.push([]);
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i += 1) {
        const [x1 = 0, y1 = 0] = ring[i - 1] ?? [];
        const [x2 = 0, y2 = 0] = ring[i] ?? [];
        if (y1 === y2) continue;
        const from = this.bucketOf(Math.min(y1, y2));
        const to = this.bucketOf(Math.max(y1, y2));
        for (let b = from; b <= to; b += 1) this.buckets[b]?.push([x1, y1, x2, y2]);
      }
    }
  }

  private bucketOf(y: number): number {
    return Math.min(this.buckets.length - 1, Math.max(0, Math.floor((y - this.bottom) / this.step)));
  }

  /** The stretches of the line at latitude y inside the shape (even-odd), as [from, to] pairs. */
  intervals(y: number): [number, number][] {
    if (y < this.box[1] || y > this.box[3]) return [];
    const xs: number[] = [];
    for (const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] of this.buckets[this.bucketOf(y)] ?? []) {
      if (y1 > y !== y2 > y) xs.push(x1 + ((y - y1) * (x2 - x1)) / (y2 - y1));
    }
    xs.sort((a, b) => a - b);
    const out: [number, number][] = [];
    for (let i = 0; i + 1 < xs.length; i += 2) out.push([xs[i] ?? 0, xs[i + 1] ?? 0]);
    return out;
  }
}

const length = (intervals: readonly [number, number][]) =>
  intervals.reduce((sum, [a, b]) => sum + (b - a), 0);

function overlap(a: readonly [number, number][], b: readonly [number, number][]): number {
  let sum = 0;
  for (const [a0, a1] of a)
    for (const [b0, b1] of b) {
      const from = Math.max(a0, b0);
      const to = Math.min(a1, b1);
      if (to > from) sum += to - from;
    }
  return sum;
}

/**
 * Shares of `area` inside each shape: exact along each scan line, sampled across `rows` lines of
 * latitude, each weighted by cos(latitude). Shapes with no overlap are absent; the shares sum to at
 * most 1 (less where the shapes do not cover the area, e.g. water in a county but not in a district).
 */
export function areaShares(area: ScanShape, shapes: readonly ScanShape[], rows = 80): Map<string, number> {
  const [, s, , n] = area.box;
  const candidates = shapes.filter(
    (d) => d.box[0] <= area.box[2] && area.box[0] <= d.box[2] && d.box[1] <= n && s <= d.box[3],
  );
  const sums = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < rows; i += 1) {
    const y = s + ((i + 0.5) * (n - s)) / rows;
    const weight = Math.cos((y * Math.PI) / 180);
    const inside = area.intervals(y);
    if (inside.length === 0) continue;
    total += weight * length(inside);
    for (const d of candidates) {
      const shared = overlap(inside, d.intervals(y));
      if (shared > 0) sums.set(d.id, (sums.get(d.id) ?? 0) + weight * shared);
    }
  }
  const shares = new Map<string, number>();
  if (total === 0) return shares;
  for (const [id, value] of sums) shares.set(id, value / total);
  return shares;
}
