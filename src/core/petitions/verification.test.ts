import { describe, expect, it } from 'vitest';
import {
  applyFullCount,
  applySampleRule,
  californiaProjection,
  ruleSampleSize,
  verdictAt,
} from './verification.ts';
import { type SampleRule, type VerificationRule, verificationRuleByKey } from './verification-rules.ts';

const sampleRule = (key: string) => {
  const rule = verificationRuleByKey(key);
  if (rule?.method !== 'random_sample') throw new Error(`${key} is not a sample rule`);
  return rule as VerificationRule & SampleRule;
};
const ca = sampleRule('us-ca');
const co = sampleRule('us-co');

describe('California random sample (2 CCR §20530–20531)', () => {
  it('the shared worked example: R 100,000, S 140,000, n 4,200, v 3,300, d 10 → 99,220 (99.22%) → full count', () => {
    // n = max(500, 3% × 140,000 = 4,200) = 4,200.
    expect(ruleSampleSize(ca, 140_000)).toBe(4_200);
    // Rate 3,300 / 4,200 = 78.5714…% → 78.57%; 140,000 × 0.7857 = 109,998 exactly.
    // A = 140,000 / 4,200 = 33.3333; A × (A − 1) = 33.3333 × 32.3333 = 1,077.7756; × 10 = 10,777.76 → 10,778.
    // 109,998 − 10,778 = 99,220, which is 99.22% of 100,000: between 95% and 110%.
    const result = applySampleRule(ca, {
      required: 100_000,
      submitted: 140_000,
      validInSample: 3_300,
      duplicatesInSample: 10,
    });
    expect(result.sampleSize).toBe(4_200);
    expect(result.projectedValid).toBe(99_220);
    expect(result.projectedPercent).toBe(99.22);
    expect(result.outcome).toBe('full_count');
    expect(result.steps.join('\n')).toContain('10,778');
  });

  it('the regulation’s own example (2 CCR §20540): 24,034 × 0.7147 → 17,178; 2 × 1,074.8095 → 2,150; 15,028', () => {
    // n = 722 gives A = 24,034 / 722 = 33.2881 and A(A−1) = 1,074.8095; v = 516 gives 516/722 = 71.47%.
    const p = californiaProjection(24_034, 722, 516, 2);
    expect(p.ratePercent).toBe(71.47);
    expect(p.uncorrected).toBe(17_178); // 24,034 × 0.7147 = 17,177.1 → rounded up
    expect(p.a).toBe(33.2881);
    expect(p.penalty).toBe(2_150); // 2 × 1,074.8095 = 2,149.619 → rounded up
    expect(p.projected).toBe(15_028);
  });

  // R 80,000, S 100,000: n = max(500, 3,000) = 3,000 and the projection is 100,000 × rate = 10 × (rate in hundredths of a percent).
  const at = (v: number) => applySampleRule(ca, { required: 80_000, submitted: 100_000, validInSample: v });
  it('at 110% exactly (v 2,640: 88.00% → 88,000) it is a full count: qualifying needs more than 110%', () => {
    expect(at(2_640)).toMatchObject({ projectedValid: 88_000, projectedPercent: 110, outcome: 'full_count' });
  });
  it('just above 110% (v 2,641: 88.0333% → 88.03% → 88,030 = 110.04%) it qualifies on the sample', () => {
    expect(at(2_641)).toMatchObject({ projectedValid: 88_030, outcome: 'qualifies' });
  });
  it('at 95% exactly (v 2,280: 76.00% → 76,000) it is a full count', () => {
    expect(at(2_280)).toMatchObject({ projectedValid: 76_000, projectedPercent: 95, outcome: 'full_count' });
  });
  it('just below 95% (v 2,279: 75.9667% → 75.97% → 75,970 = 94.96%) it fails', () => {
    expect(at(2_279)).toMatchObject({ projectedValid: 75_970, projectedPercent: 94.96, outcome: 'fails' });
  });
  it('a raw count under the requirement stops before any sample (79,999 < 80,000); at 80,000 it is sampled', () => {
    const short = applySampleRule(ca, { required: 80_000, submitted: 79_999, validInSample: 2_000 });
    expect(short.outcome).toBe('fails_raw_count');
    expect(short.projectedValid).toBeNull();
    // S 80,000: n = max(500, 2,400) = 2,400; v 2,400 → 100% → 80,000 = 100% → full count.
    const exact = applySampleRule(ca, { required: 80_000, submitted: 80_000, validInSample: 2_400 });
    expect(exact).toMatchObject({ sampleSize: 2_400, projectedValid: 80_000, outcome: 'full_count' });
  });
  it('small filings sample at least 500 lines: 3% of 10,000 is 300, so n = 500', () => {
    expect(ruleSampleSize(ca, 10_000)).toBe(500);
  });
});

describe('Colorado random sample (C.R.S. 1-40-116, -117)', () => {
  it('the shared worked example: R 100,000, S 140,000, n 5% = 7,000, v 5,490 → 109,800 (109.8%) → line-by-line', () => {
    // 140,000 × 5,490 / 7,000 = 109,800.
    const result = applySampleRule(co, { required: 100_000, submitted: 140_000, validInSample: 5_490 });
    expect(result).toMatchObject({
      sampleSize: 7_000,
      projectedValid: 109_800,
      projectedPercent: 109.8,
      outcome: 'full_count',
    });
  });
  it('initiative #30 (2012): 163,598 × 4,436 / 8,180 = 88,718.9 → 88,719 (rounded to nearest) = 103.04% of 86,105 → line-by-line, as the SOS reported', () => {
    const result = applySampleRule(co, {
      required: 86_105,
      submitted: 163_598,
      sampleSize: 8_180,
      validInSample: 4_436,
    });
    expect(result).toMatchObject({ projectedValid: 88_719, projectedPercent: 103.04, outcome: 'full_count' });
  });
  // R 100,000, S 140,000, n 7,000: projected = 140,000 × v / 7,000 = 20 v.
  const at = (v: number) => applySampleRule(co, { required: 100_000, submitted: 140_000, validInSample: v });
  it('at 110% exactly (v 5,500 → 110,000) it is sufficient: Colorado’s band is “110% or more”', () => {
    expect(at(5_500)).toMatchObject({ projectedValid: 110_000, outcome: 'qualifies' });
  });
  it('just under 110% (v 5,499 → 109,980) it goes line by line', () => {
    expect(at(5_499)).toMatchObject({ projectedValid: 109_980, outcome: 'full_count' });
  });
  it('at 90% exactly (v 4,500 → 90,000) it is insufficient: “90% or less”', () => {
    expect(at(4_500)).toMatchObject({ projectedValid: 90_000, outcome: 'fails' });
  });
  it('just over 90% (v 4,501 → 90,020) it goes line by line', () => {
    expect(at(4_501)).toMatchObject({ projectedValid: 90_020, outcome: 'full_count' });
  });
  it('has no raw-count floor and no duplicate penalty', () => {
    const result = applySampleRule(co, {
      required: 100_000,
      submitted: 90_000,
      validInSample: 4_500,
      duplicatesInSample: 50,
    });
    // n = 4,500 (5% of 90,000); 90,000 × 4,500 / 4,500 = 90,000 → 90% → insufficient, but sampled.
    expect(result).toMatchObject({ sampleSize: 4_500, projectedValid: 90_000, outcome: 'fails' });
  });
});

describe('full count states', () => {
  const ma = verificationRuleByKey('us-ma') as VerificationRule;
  it('qualify at exactly the requirement and fail one short', () => {
    expect(applyFullCount(ma, 74_574, 74_574).outcome).toBe('qualifies');
    expect(applyFullCount(ma, 74_574, 74_573).outcome).toBe('fails');
  });
  it('Ohio and Arkansas carry their cure periods as data', () => {
    expect(verificationRuleByKey('us-oh')?.cureDays).toBe(10);
    expect(verificationRuleByKey('us-ar')?.cureDays).toBe(30);
  });
});

describe('verdictAt (a drive’s projection in the state’s terms)', () => {
  it('California: 140,000 raw at 78.57% valid → 109,998 (under 110%) → full count; duplicates are penalized', () => {
    // n 4,200; sampled valid = round(4,200 × 0.7857) = 3,300 → 78.57% → 109,998 = 109.998%: not above 110%.
    const clean = verdictAt(ca, { required: 100_000, submitted: 140_000, validity: 0.7857 });
    expect(clean.outcome).toBe('full_count');
    const withDuplicates = verdictAt(ca, {
      required: 100_000,
      submitted: 140_000,
      validity: 0.78,
      duplicateRate: 0.01,
    });
    // q·n²/S = 0.01 × 4,200² / 140,000 = 1.26 → 1 pair; A(A−1) ≈ 1,077.78 signatures removed.
    expect(withDuplicates.steps.join(' ')).toContain('1 duplicate(s)');
  });
  it('a full-count state counts validity × raw', () => {
    const ma = verificationRuleByKey('us-ma') as VerificationRule;
    expect(verdictAt(ma, { required: 1_000, submitted: 1_300, validity: 0.77 }).projectedValid).toBe(1_001);
  });
});
