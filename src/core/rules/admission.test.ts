import { describe, expect, it } from 'vitest';
import { type AdmissionRule, evaluateAdmission } from './admission.ts';
import type { EvidenceFact } from './strength.ts';

const rule: AdmissionRule = {
  all: [
    {
      any: [
        { metric: 'members', atLeast: 500, verifiedOnly: true },
        { metric: 'votes', atLeast: 10_000, withinDays: 1461 },
      ],
    },
    { charterRatified: true },
  ],
};
const today = '2026-11-23';
const fact = (
  metric: EvidenceFact['metric'],
  value: number,
  asOf: string,
  verified = true,
): EvidenceFact => ({
  metric,
  value,
  asOf,
  verified,
});

describe('evaluateAdmission', () => {
  it('passes with enough verified members and the charter ratified', () => {
    const verdict = evaluateAdmission(rule, {
      evidence: [fact('members', 620, '2026-10-01')],
      charterRatified: true,
      today,
    });
    expect(verdict.passed).toBe(true);
    expect(verdict.failures).toEqual([]);
    expect(verdict.summary).toBe(
      '(at least 500 members (verified) or at least 10,000 votes (dated within 4 years)) and the current charter ratified',
    );
  });

  it('names each failing alternative and by how much it falls short', () => {
    const verdict = evaluateAdmission(rule, {
      evidence: [fact('members', 320, '2026-10-01'), fact('votes', 7_450, '2024-06-09', false)],
      charterRatified: true,
      today,
    });
    expect(verdict.passed).toBe(false);
    expect(verdict.failures).toEqual([
      expect.objectContaining({
        path: 'all[0].any[0]',
        actual: 320,
        required: 500,
        shortBy: 180,
        asOf: '2026-10-01',
      }),
      expect.objectContaining({ path: 'all[0].any[1]', actual: 7_450, required: 10_000, shortBy: 2_550 }),
    ]);
  });

  it('ignores unverified figures where verification is required, and stale ones past the window', () => {
    const verdict = evaluateAdmission(rule, {
      evidence: [fact('members', 900, '2026-10-01', false), fact('votes', 50_000, '2019-05-26')],
      charterRatified: true,
      today,
    });
    expect(verdict.passed).toBe(false);
    expect(verdict.failures.map((f) => [f.actual, f.shortBy])).toEqual([
      [null, 500],
      [null, 10_000],
    ]);
  });

  it('judges by the most recent figure, not the best one', () => {
    const verdict = evaluateAdmission(rule, {
      evidence: [fact('members', 900, '2025-01-01'), fact('members', 450, '2026-09-30')],
      charterRatified: true,
      today,
    });
    expect(verdict.checks[0]).toMatchObject({ actual: 450, shortBy: 50 });
  });

  it('fails on the charter alone when the strength is there', () => {
    const verdict = evaluateAdmission(rule, {
      evidence: [fact('votes', 12_000, '2024-06-09')],
      charterRatified: false,
      today,
    });
    expect(verdict.failures).toEqual([
      {
        path: 'all[1]',
        rule: 'the current charter ratified',
        passed: false,
        actual: 0,
        required: 1,
        shortBy: 1,
        asOf: null,
      },
    ]);
  });

  it('treats an empty rule as no requirement', () => {
    expect(evaluateAdmission({ all: [] }, { evidence: [], charterRatified: false, today }).passed).toBe(true);
  });
});
