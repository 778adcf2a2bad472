import type { BandEdge, SampleRule, VerificationRule } from './verification-rules.ts';

export type VerificationOutcome = 'qualifies' | 'full_count' | 'fails' | 'fails_raw_count';

export interface SampleFiling {
  /** R: valid signatures required. */
  required: number;
  /** S: raw signatures submitted. */
  submitted: number;
  /** n: lines in the random sample; defaults to the rule's sample size for S. */
  sampleSize?: number;
  /** v: valid lines in the sample. */
  validInSample: number;
  /** d: duplicate signers found in the sample (California penalizes each one). */
  duplicatesInSample?: number;
}

export interface VerificationResult {
  rule: string;
  outcome: VerificationOutcome;
  projectedValid: number | null;
  /** projected ÷ required, in percent (two decimals). */
  projectedPercent: number | null;
  sampleSize: number | null;
  /** The arithmetic, step by step, in the state's own terms. */
  steps: string[];
}

const fmt = (n: number) => n.toLocaleString('en-US');
const roundHalfUpDiv = (a: bigint, b: bigint) => (2n * a + b) / (2n * b);
const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** Sample size a rule draws from S raw signatures: max(minimum, ⌈fraction × S⌉). */
export function ruleSampleSize(rule: SampleRule, submitted: number): number {
  return Math.min(
    submitted,
    Math.max(rule.sample.minimum, Math.ceil(rule.sample.fraction * submitted - 1e-9)),
  );
}

/**
 * California's projection (2 CCR §20530–20531), in integers so the rounding is the regulation's:
 * the rate v/n as a percentage to two decimals, S × rate rounded up, A = S/n to four decimals,
 * each sample duplicate removing A×(A−1) signatures (the total rounded up).
 */
export function californiaProjection(submitted: number, n: number, valid: number, duplicates: number) {
  const S = BigInt(submitted);
  const N = BigInt(n);
  const rateHundredths = roundHalfUpDiv(BigInt(valid) * 10000n, N); // 78.57% → 7857
  const uncorrected = ceilDiv(S * rateHundredths, 10000n);
  const a4 = roundHalfUpDiv(S * 10000n, N); // A to four decimals, × 10^4
  const penalty = ceilDiv(BigInt(duplicates) * a4 * (a4 - 10000n), 100_000_000n);
  return {
    ratePercent: Number(rateHundredths) / 100,
    uncorrected: Number(uncorrected),
    a: Number(a4) / 10000,
    penalty: Number(penalty),
    projected: Number(uncorrected - penalty),
  };
}

const above = (projected: number, required: number, edge: BandEdge) =>
  edge.inclusive ? projected * 100 >= edge.percent * required : projected * 100 > edge.percent * required;
const below = (projected: number, required: number, edge: BandEdge) =>
  edge.inclusive ? projected * 100 <= edge.percent * required : projected * 100 < edge.percent * required;

function sampleOutcome(rule: SampleRule, projected: number, required: number): VerificationOutcome {
  if (above(projected, required, rule.qualifyAbove)) return 'qualifies';
  if (below(projected, required, rule.failBelow)) return 'fails';
  return 'full_count';
}

const edgeText = (edge: BandEdge, side: 'above' | 'below') =>
  `${side === 'above' ? (edge.inclusive ? '≥' : '>') : edge.inclusive ? '≤' : '<'} ${edge.percent}%`;

/** Applies a random-sample rule to a filing: the projection and the band it falls in. */
export function applySampleRule(
  rule: VerificationRule & SampleRule,
  filing: SampleFiling,
): VerificationResult {
  const { required: R, submitted: S } = filing;
  const steps: string[] = [];
  if (rule.rawFloorPercent !== null && S * 100 < rule.rawFloorPercent * R) {
    steps.push(`raw count ${fmt(S)} < ${rule.rawFloorPercent}% of ${fmt(R)}: fails before sampling`);
    return {
      rule: rule.key,
      outcome: 'fails_raw_count',
      projectedValid: null,
      projectedPercent: null,
      sampleSize: null,
      steps,
    };
  }
  const n = filing.sampleSize ?? ruleSampleSize(rule, S);
  if (n <= 0 || filing.validInSample > n)
    throw new RangeError(`sample of ${n} with ${filing.validInSample} valid`);
  const v = filing.validInSample;
  const d = filing.duplicatesInSample ?? 0;
  steps.push(
    `sample n = max(${rule.sample.minimum}, ${rule.sample.fraction * 100}% of ${fmt(S)}) = ${fmt(n)}` +
      (filing.sampleSize !== undefined ? ' (as given)' : ''),
  );
  let projected: number;
  if (rule.projection === 'ca_ccr_20530') {
    const ca = californiaProjection(S, n, v, d);
    steps.push(`rate ${fmt(v)}/${fmt(n)} = ${ca.ratePercent.toFixed(2)}%`);
    steps.push(`${fmt(S)} × ${(ca.ratePercent / 100).toFixed(4)} = ${fmt(ca.uncorrected)} (rounded up)`);
    steps.push(
      `A = ${fmt(S)}/${fmt(n)} = ${ca.a.toFixed(4)}; ${d} duplicate(s) × A×(A−1) = ${fmt(ca.penalty)} (rounded up)`,
    );
    projected = ca.projected;
    steps.push(`projected ${fmt(ca.uncorrected)} − ${fmt(ca.penalty)} = ${fmt(projected)}`);
  } else {
    projected = Math.round((S * v) / n);
    steps.push(`projected ${fmt(S)} × ${fmt(v)}/${fmt(n)} = ${fmt(projected)}`);
  }
  const percent = Math.round((projected / R) * 10000) / 100;
  const outcome = sampleOutcome(rule, projected, R);
  const words = {
    qualifies: 'qualifies on the sample',
    full_count: 'full count',
    fails: 'fails on the sample',
  };
  steps.push(
    `${fmt(projected)} / ${fmt(R)} = ${percent.toFixed(2)}% → ${words[outcome as keyof typeof words]} ` +
      `(qualifies ${edgeText(rule.qualifyAbove, 'above')}, fails ${edgeText(rule.failBelow, 'below')})`,
  );
  return {
    rule: rule.key,
    outcome,
    projectedValid: projected,
    projectedPercent: percent,
    sampleSize: n,
    steps,
  };
}

/** A full count: every line checked; qualifies when the valid lines reach the requirement. */
export function applyFullCount(rule: VerificationRule, required: number, valid: number): VerificationResult {
  const outcome: VerificationOutcome = valid >= required ? 'qualifies' : 'fails';
  const percent = Math.round((valid / required) * 10000) / 100;
  return {
    rule: rule.key,
    outcome,
    projectedValid: valid,
    projectedPercent: percent,
    sampleSize: null,
    steps: [
      `full count: ${fmt(valid)} valid of ${fmt(required)} required (${percent.toFixed(2)}%) → ${outcome}`,
    ],
  };
}

/**
 * What the state would say about a filing of S raw signatures at a validity rate: a sampling
 * state's band, or a full count's verdict. Used to speak the state's language about a drive's
 * projection (the drive's own checks stand in for the state's sample). `duplicateRate` is the share
 * of lines that repeat an earlier signer: in a California sample those lines count as valid and
 * are taken back by the penalty, and a pair lands whole in the sample with probability (n/S)², so
 * about q·n²/S pairs show up there.
 */
export function verdictAt(
  rule: VerificationRule,
  filing: { required: number; submitted: number; validity: number; duplicateRate?: number },
): VerificationResult {
  if (rule.method === 'full_count') {
    return applyFullCount(rule, filing.required, Math.floor(filing.submitted * filing.validity));
  }
  const S = Math.max(1, filing.submitted);
  const n = Math.max(1, ruleSampleSize(rule, S));
  const q = filing.duplicateRate ?? 0;
  const penalized = rule.projection === 'ca_ccr_20530';
  return applySampleRule(rule, {
    required: filing.required,
    submitted: S,
    sampleSize: n,
    validInSample: Math.min(n, Math.round(n * (filing.validity + (penalized ? q : 0)))),
    duplicatesInSample: penalized ? Math.round((q * n * n) / S) : 0,
  });
}
