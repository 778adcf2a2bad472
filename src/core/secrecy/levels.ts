/**
 * How much of a secret decision's tally is published, finest first: every figure, the weighted
 * shares rounded down to buckets of 5, 10 or 20 percentage points, or the outcome alone.
 */
export type DisclosureLevel = { kind: 'exact' } | { kind: 'buckets'; percent: number } | { kind: 'outcome' };

export const disclosureLevels: readonly DisclosureLevel[] = [
  { kind: 'exact' },
  { kind: 'buckets', percent: 5 },
  { kind: 'buckets', percent: 10 },
  { kind: 'buckets', percent: 20 },
  { kind: 'outcome' },
];

/** The default k: a published result must fit at least this many ballot assignments. */
export const defaultSecrecyK = 5;

/** Counts of assignments grow like |choices|^n: they saturate here, far above any k. */
export const countCeiling = 2 ** 50;

export const saturatingAdd = (a: number, b: number): number => Math.min(countCeiling, a + b);
export const saturatingMul = (a: number, b: number): number => Math.min(countCeiling, a * b);

export function describeLevel(level: DisclosureLevel): string {
  switch (level.kind) {
    case 'exact':
      return 'every figure';
    case 'buckets':
      return `shares rounded to ${level.percent}-point buckets`;
    case 'outcome':
      return 'the outcome only';
  }
}
