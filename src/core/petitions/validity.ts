import { normalCdf } from '../normal.ts';
import { type Interval, wilsonInterval } from './stats.ts';

export const rejectionReasons = [
  'not_registered',
  'wrong_jurisdiction',
  'duplicate',
  'illegible',
  'address_mismatch',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

/** One validity check on a packet: a number of lines looked up, how many were valid, and why the rest were not. */
export interface CheckFact {
  packetId: string;
  circulatorId: string | null;
  county: string | null;
  linesChecked: number;
  linesValid: number;
  reasons: Partial<Record<RejectionReason, number>>;
}

export interface ValidityFigure {
  key: string;
  checked: number;
  valid: number;
  /** valid ÷ checked; null when nothing was checked. */
  rate: number | null;
  interval: Interval | null;
  reasons: Record<RejectionReason, number>;
}

const noReasons = (): Record<RejectionReason, number> => ({
  not_registered: 0,
  wrong_jurisdiction: 0,
  duplicate: 0,
  illegible: 0,
  address_mismatch: 0,
});

/** Validity summed over checks grouped by a key (circulator, packet, county, or one group for the whole drive). */
export function validityBy(
  checks: readonly CheckFact[],
  keyOf: (check: CheckFact) => string | null,
): ValidityFigure[] {
  const groups = new Map<
    string,
    { checked: number; valid: number; reasons: Record<RejectionReason, number> }
  >();
  for (const check of checks) {
    const key = keyOf(check) ?? '(none)';
    const group = groups.get(key) ?? { checked: 0, valid: 0, reasons: noReasons() };
    group.checked += check.linesChecked;
    group.valid += check.linesValid;
    for (const reason of rejectionReasons) group.reasons[reason] += check.reasons[reason] ?? 0;
    groups.set(key, group);
  }
  return [...groups].map(([key, g]) => ({
    key,
    checked: g.checked,
    valid: g.valid,
    rate: g.checked > 0 ? g.valid / g.checked : null,
    interval: g.checked > 0 ? wilsonInterval(g.valid, g.checked) : null,
    reasons: g.reasons,
  }));
}

export function overallValidity(checks: readonly CheckFact[]): ValidityFigure {
  return (
    validityBy(checks, () => 'overall')[0] ?? {
      key: 'overall',
      checked: 0,
      valid: 0,
      rate: null,
      interval: null,
      reasons: noReasons(),
    }
  );
}

export interface OutlierVerdict {
  key: string;
  /** The pooled rate of every other circulator, the baseline this one is tested against. */
  othersRate: number | null;
  /** Standardized difference of this circulator's valid count from what the others' rate predicts. */
  z: number | null;
  /** One-sided p-value of a rate this low (or lower) if the circulator were like the others. */
  pValue: number | null;
  flagged: boolean;
  reason: string;
}

export interface OutlierOptions {
  /** Flag when z is at or below −zCritical (default 3: about 1 in 740 by chance, so a team of 50 rarely gets a false flag). */
  zCritical?: number;
  /** Fewer lines checked than this: no verdict (the normal approximation and the evidence are both too thin). */
  minChecked?: number;
}

/**
 * A circulator is an outlier when their validity is far below everybody else's pooled rate: a
 * one-sided binomial z test against the others (leaving the circulator out of the baseline, so one
 * bad circulator cannot drag the baseline down to hide). Low validity means possible fraud or a
 * training need: the flag asks a person to look, it decides nothing.
 */
export function outlierCirculators(
  figures: readonly ValidityFigure[],
  options: OutlierOptions = {},
): OutlierVerdict[] {
  const zCritical = options.zCritical ?? 3;
  const minChecked = options.minChecked ?? 20;
  const totalChecked = figures.reduce((s, f) => s + f.checked, 0);
  const totalValid = figures.reduce((s, f) => s + f.valid, 0);
  return figures.map((f) => {
    const othersChecked = totalChecked - f.checked;
    const othersRate = othersChecked > 0 ? (totalValid - f.valid) / othersChecked : null;
    if (f.checked < minChecked || othersRate === null || othersRate <= 0 || othersRate >= 1) {
      return {
        key: f.key,
        othersRate,
        z: null,
        pValue: null,
        flagged: false,
        reason:
          f.checked < minChecked ? `fewer than ${minChecked} lines checked` : 'no baseline from the others',
      };
    }
    const expected = f.checked * othersRate;
    const z = (f.valid - expected) / Math.sqrt(f.checked * othersRate * (1 - othersRate));
    const pValue = normalCdf(z);
    const flagged = z <= -zCritical;
    return {
      key: f.key,
      othersRate,
      z,
      pValue,
      flagged,
      reason: flagged
        ? `validity ${pct(f.valid / f.checked)} against ${pct(othersRate)} for the others (z = ${z.toFixed(2)})`
        : 'within the range of the others',
    };
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
