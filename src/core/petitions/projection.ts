import { addDays, daysBetween } from './days.ts';
import { type Interval, probabilityAtLeast, z95 } from './stats.ts';
import { type VerificationResult, verdictAt } from './verification.ts';
import type { VerificationRule } from './verification-rules.ts';

export interface DailyTally {
  day: string;
  raw: number;
}

export interface ProjectionInput {
  required: number;
  startDay: string;
  /** The last day whose collection is known (today, for a live drive). */
  asOfDay: string;
  /** The day the petition is due. */
  deadlineDay: string;
  daily: readonly DailyTally[];
  /** Lines checked and found valid so far, over the whole drive. */
  checked: number;
  valid: number;
  duplicates: number;
  expectedValidity: number;
  rule: VerificationRule;
}

export interface BurnUpPoint {
  day: string;
  /** Cumulative raw signatures (known days only). */
  raw: number | null;
  /** Cumulative raw × estimated validity (known days), then the forecast's mean. */
  projectedValid: number;
  /** The 95% band of the forecast (equal to projectedValid on known days). */
  low: number;
  high: number;
}

export interface Projection {
  collectedRaw: number;
  daysElapsed: number;
  daysRemaining: number;
  pacePerDay: number;
  paceSd: number;
  validity: { estimate: number; sd: number; fromChecks: boolean; priorWeight: number };
  rawAtDeadline: { mean: number } & Interval;
  validAtDeadline: { mean: number } & Interval;
  /** P(valid signatures at the deadline ≥ required), from a normal approximation. */
  probabilityQualifying: number;
  /** The state's rule applied to the mean projection. */
  verdict: VerificationResult;
  burnUp: BurnUpPoint[];
}

/**
 * Before any check, the drive's expected validity counts as this many checked lines; every real
 * check outweighs it more. 20 lines: a prior that one packet's checks already move.
 */
export const validityPriorWeight = 20;

/**
 * Projects valid signatures at the deadline: raw collection continues at the pace so far (mean
 * and day-to-day spread of the daily tallies, including days with nothing), and validity is a
 * Beta posterior of the checks with the expected validity as a weak prior. Raw and validity are
 * treated as independent; the interval and the probability use a normal approximation of their
 * product (delta method). Collection stops at the deadline.
 */
export function projectDrive(input: ProjectionInput): Projection {
  const asOf = input.asOfDay < input.deadlineDay ? input.asOfDay : input.deadlineDay;
  const daysElapsed = Math.max(1, daysBetween(input.startDay, asOf) + 1);
  const daysRemaining = Math.max(0, daysBetween(asOf, input.deadlineDay));
  const perDay = new Map<string, number>();
  for (const t of input.daily) {
    if (t.day > asOf || t.day < input.startDay) continue;
    perDay.set(t.day, (perDay.get(t.day) ?? 0) + t.raw);
  }
  const counts = Array.from({ length: daysElapsed }, (_, i) => perDay.get(addDays(input.startDay, i)) ?? 0);
  const collectedRaw = counts.reduce((s, c) => s + c, 0);
  const pace = collectedRaw / daysElapsed;
  const paceSd =
    daysElapsed > 1 ? Math.sqrt(counts.reduce((s, c) => s + (c - pace) ** 2, 0) / (daysElapsed - 1)) : pace;

  const m = validityPriorWeight;
  const a = input.valid + m * input.expectedValidity;
  const b = input.checked - input.valid + m * (1 - input.expectedValidity);
  const p = a / (a + b);
  const pVar = (a * b) / ((a + b) ** 2 * (a + b + 1));

  // Future raw: D days at the observed pace; its variance adds the daily spread and the
  // uncertainty of the pace itself (estimated from E days).
  const D = daysRemaining;
  const rawMean = collectedRaw + pace * D;
  const rawVar = D * paceSd ** 2 + (D * D * paceSd ** 2) / daysElapsed;
  const validMean = rawMean * p;
  const validVar = p * p * rawVar + rawMean * rawMean * pVar + rawVar * pVar;
  const validSd = Math.sqrt(validVar);
  const rawSd = Math.sqrt(rawVar);

  const burnUp: BurnUpPoint[] = [];
  let cumulative = 0;
  for (let i = 0; i < daysElapsed; i++) {
    cumulative += counts[i] ?? 0;
    const valid = cumulative * p;
    burnUp.push({
      day: addDays(input.startDay, i),
      raw: cumulative,
      projectedValid: valid,
      low: valid,
      high: valid,
    });
  }
  for (let d = 1; d <= D; d++) {
    const mean = collectedRaw + pace * d;
    const varRaw = d * paceSd ** 2 + (d * d * paceSd ** 2) / daysElapsed;
    const sd = Math.sqrt(p * p * varRaw + mean * mean * pVar + varRaw * pVar);
    burnUp.push({
      day: addDays(asOf, d),
      raw: null,
      projectedValid: mean * p,
      low: Math.max(0, mean * p - z95 * sd),
      high: mean * p + z95 * sd,
    });
  }

  return {
    collectedRaw,
    daysElapsed,
    daysRemaining,
    pacePerDay: pace,
    paceSd,
    validity: { estimate: p, sd: Math.sqrt(pVar), fromChecks: input.checked > 0, priorWeight: m },
    rawAtDeadline: {
      mean: rawMean,
      low: Math.max(collectedRaw, rawMean - z95 * rawSd),
      high: rawMean + z95 * rawSd,
    },
    validAtDeadline: {
      mean: validMean,
      low: Math.max(0, validMean - z95 * validSd),
      high: validMean + z95 * validSd,
    },
    probabilityQualifying: input.required <= 0 ? 1 : probabilityAtLeast(validMean, validSd, input.required),
    verdict: verdictAt(input.rule, {
      required: Math.max(1, input.required),
      submitted: Math.round(rawMean),
      validity: p,
      duplicateRate: input.checked > 0 ? input.duplicates / input.checked : 0,
    }),
    burnUp,
  };
}
