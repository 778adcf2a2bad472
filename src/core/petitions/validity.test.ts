import { describe, expect, it } from 'vitest';
import { duplicateSigners, signerKey } from './duplicates.ts';
import { type CheckFact, outlierCirculators, overallValidity, validityBy } from './validity.ts';

const check = (
  circulatorId: string,
  county: string,
  checked: number,
  valid: number,
  packetId = `${circulatorId}-1`,
): CheckFact => ({
  packetId,
  circulatorId,
  county,
  linesChecked: checked,
  linesValid: valid,
  reasons: { not_registered: checked - valid },
});

describe('validity roll-ups', () => {
  const checks = [
    check('ana', 'Denver', 100, 80),
    check('ana', 'Boulder', 50, 40, 'ana-2'),
    check('ben', 'Denver', 50, 30),
  ];
  it('sums per circulator, per county, per packet and overall, with Wilson intervals', () => {
    const byCirculator = validityBy(checks, (c) => c.circulatorId);
    expect(byCirculator.find((f) => f.key === 'ana')).toMatchObject({ checked: 150, valid: 120, rate: 0.8 });
    const byCounty = validityBy(checks, (c) => c.county);
    expect(byCounty.find((f) => f.key === 'Denver')).toMatchObject({ checked: 150, valid: 110 });
    expect(validityBy(checks, (c) => c.packetId)).toHaveLength(3);
    const overall = overallValidity(checks);
    expect(overall).toMatchObject({ checked: 200, valid: 150, rate: 0.75 });
    expect(overall.reasons.not_registered).toBe(50);
    expect(overall.interval?.low).toBeLessThan(0.75);
    expect(overall.interval?.high).toBeGreaterThan(0.75);
  });
  it('with no checks, overall validity is unknown rather than zero', () => {
    expect(overallValidity([])).toMatchObject({ checked: 0, rate: null, interval: null });
  });
});

describe('outlier circulators', () => {
  it('flags a circulator far below the others’ pooled rate (one-sided z ≤ −3) and nobody else', () => {
    // Others: 4 × 200 lines at 80% → pooled 0.8. Eve: 100 lines, 50 valid.
    // z = (50 − 100 × 0.8) / √(100 × 0.8 × 0.2) = −30 / 4 = −7.5.
    const figures = validityBy(
      [...['a', 'b', 'c', 'd'].map((id) => check(id, 'X', 200, 160)), check('eve', 'X', 100, 50)],
      (c) => c.circulatorId,
    );
    const verdicts = outlierCirculators(figures);
    const eve = verdicts.find((v) => v.key === 'eve');
    expect(eve?.z).toBeCloseTo(-7.5, 10);
    expect(eve?.othersRate).toBeCloseTo(0.8, 10);
    expect(eve?.flagged).toBe(true);
    expect(verdicts.filter((v) => v.flagged).map((v) => v.key)).toEqual(['eve']);
  });
  it('does not flag a modest dip: z = (74 − 80) / 4 = −1.5', () => {
    const figures = validityBy(
      [...['a', 'b'].map((id) => check(id, 'X', 400, 320)), check('fay', 'X', 100, 74)],
      (c) => c.circulatorId,
    );
    const fay = outlierCirculators(figures).find((v) => v.key === 'fay');
    expect(fay?.z).toBeCloseTo(-1.5, 10);
    expect(fay?.flagged).toBe(false);
  });
  it('gives no verdict on fewer than 20 checked lines, however bad', () => {
    const figures = validityBy([check('a', 'X', 500, 400), check('new', 'X', 10, 0)], (c) => c.circulatorId);
    expect(outlierCirculators(figures).find((v) => v.key === 'new')).toMatchObject({
      flagged: false,
      z: null,
    });
  });
});

describe('duplicate signers', () => {
  it('meets the same person across spellings of name and address', () => {
    expect(signerKey('Smith, Jane A.', '12 North Main Street, Apt 4')).toBe(
      signerKey('jane smith', '12 N Main St #4'),
    );
    expect(signerKey('José Núñez', '1 Elm Avenue')).toBe(signerKey('Jose Nunez', '1 elm ave'));
  });
  it('keeps different people and different addresses apart', () => {
    expect(signerKey('Jane Smith', '12 Main St')).not.toBe(signerKey('John Smith', '12 Main St'));
    expect(signerKey('Jane Smith', '12 Main St')).not.toBe(signerKey('Jane Smith', '14 Main St'));
  });
  it('groups lines across packets', () => {
    const groups = duplicateSigners([
      { packetId: 'p1', line: 3, name: 'Jane Smith', address: '12 Main Street' },
      { packetId: 'p2', line: 9, name: 'SMITH, JANE', address: '12 main st.' },
      { packetId: 'p2', line: 10, name: 'Ravi Patel', address: '3 Oak Rd' },
    ]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.lines.map((l) => `${l.packetId}:${l.line}`)).toEqual(['p1:3', 'p2:9']);
  });
});
