import { describe, expect, it } from 'vitest';
import { deadlineWarnings, driveDeadlines } from './calendar.ts';
import { projectDrive } from './projection.ts';
import { type VerificationRule, verificationRuleByKey } from './verification-rules.ts';

const fullCount = verificationRuleByKey('full-count') as VerificationRule;
const base = {
  required: 1_000,
  startDay: '2026-03-01',
  asOfDay: '2026-03-10',
  deadlineDay: '2026-03-30',
  checked: 0,
  valid: 0,
  duplicates: 0,
  expectedValidity: 0.8,
  rule: fullCount,
};
const steady = Array.from({ length: 10 }, (_, i) => ({
  day: `2026-03-${String(i + 1).padStart(2, '0')}`,
  raw: 50,
}));

describe('projectDrive', () => {
  it('a perfectly steady pace projects collected + pace × days left; validity is the prior before checks', () => {
    // 10 days × 50 = 500 raw; 20 days left at 50/day → 1,500 raw; × 0.8 = 1,200 valid.
    const p = projectDrive({ ...base, daily: steady });
    expect(p.collectedRaw).toBe(500);
    expect(p.daysRemaining).toBe(20);
    expect(p.pacePerDay).toBe(50);
    expect(p.paceSd).toBe(0);
    expect(p.rawAtDeadline.mean).toBe(1_500);
    expect(p.validity).toMatchObject({ estimate: 0.8, fromChecks: false });
    expect(p.validAtDeadline.mean).toBeCloseTo(1_200, 9);
    // Only validity is uncertain: sd = 1,500 × √(0.8 × 0.2 / 21) = 130.9.
    expect(p.validAtDeadline.high - p.validAtDeadline.mean).toBeCloseTo(1.96 * 130.93, 0);
    expect(p.burnUp).toHaveLength(30);
    expect(p.burnUp[9]).toMatchObject({ day: '2026-03-10', raw: 500 });
    expect(p.burnUp[29]?.day).toBe('2026-03-30');
  });

  it('checks move the validity and the qualifying probability: bad checks lower both', () => {
    const good = projectDrive({ ...base, daily: steady, checked: 200, valid: 176 });
    const bad = projectDrive({ ...base, daily: steady, checked: 200, valid: 110 });
    // Posterior mean (176 + 16) / 220 = 0.8727 and (110 + 16) / 220 = 0.5727.
    expect(good.validity.estimate).toBeCloseTo(192 / 220, 10);
    expect(bad.validity.estimate).toBeCloseTo(126 / 220, 10);
    expect(good.probabilityQualifying).toBeGreaterThan(0.99);
    expect(bad.probabilityQualifying).toBeLessThan(0.01);
    expect(bad.verdict.outcome).toBe('fails');
  });

  it('more packets raise the projection', () => {
    const more = steady.map((t, i) => (i === 9 ? { ...t, raw: 450 } : t));
    expect(projectDrive({ ...base, daily: more }).validAtDeadline.mean).toBeGreaterThan(
      projectDrive({ ...base, daily: steady }).validAtDeadline.mean,
    );
  });

  it('after the deadline nothing more is collected', () => {
    const p = projectDrive({ ...base, daily: steady, asOfDay: '2026-04-15' });
    expect(p.daysRemaining).toBe(0);
    expect(p.rawAtDeadline.mean).toBe(500);
  });
});

describe('deadline warnings', () => {
  const deadlines = driveDeadlines({
    id: 'd1',
    name: 'Drive',
    dueDay: '2026-04-30',
    filingDay: null,
    cureDays: 10,
  });
  it('a drive has its due day and its cure period end', () => {
    expect(deadlines.map((d) => [d.kind, d.day])).toEqual([
      ['petition_due', '2026-04-30'],
      ['cure_period_end', '2026-05-10'],
    ]);
  });
  it('warns at 30, 14 and 7 days and not before or after', () => {
    const level = (today: string) =>
      deadlineWarnings(deadlines, today).find((w) => w.kind === 'petition_due')?.level;
    expect(level('2026-03-30')).toBeUndefined(); // 31 days left
    expect(level('2026-03-31')).toBe(30);
    expect(level('2026-04-16')).toBe(14);
    expect(level('2026-04-23')).toBe(7);
    expect(level('2026-04-30')).toBe(7); // due today: 0 days left
    expect(level('2026-05-01')).toBeUndefined(); // passed
  });
});
