import { describe, expect, it } from 'vitest';
import { distributionClause, firstDate, parseFormula, requirementNumber } from './requirement-formula.ts';

describe('parseFormula', () => {
  it('reads percent and base, including fractions and caps', () => {
    expect(
      parseFormula('Petition equal to 3% of the votes cast for governor at the last general election'),
    ).toMatchObject({ percent: 3, base: 'governor' });
    expect(
      parseFormula('Petition of qualified electors equal to at least 1 1/3% of total votes for governor')
        ?.percent,
    ).toBeCloseTo(4 / 3, 12);
    expect(
      parseFormula(
        'Petition signed by qualified electors equal to 2% of the aggregate vote for presidential electors at the previous presidential election',
      )?.base,
    ).toBe('president');
    expect(
      parseFormula(
        'Party formation petition equal to 1% of the total vote for governor or presidential electors at the most recent such election',
      )?.base,
    ).toBe('governor_or_president');
    expect(parseFormula('or by petition: voters equal to at least 0.33% of total registration')?.base).toBe(
      'registered_voters',
    );
    expect(
      parseFormula(
        'Party petition signed by the lesser of 5,000 voters or 5% of the total vote for the winning gubernatorial candidate',
      ),
    ).toMatchObject({ base: 'governor', lesserOf: 5000 });
    expect(parseFormula('at least 10,000 registered-voter signatures')).toBeNull();
    // A vote-share test is not a petition formula (KY, GA).
    expect(
      parseFormula(
        'No formation paperwork; status depends on presidential vote share: political party (at least 20% of the last presidential vote)',
      ),
    ).toBeNull();
    expect(
      parseFormula(
        'Limited political party (presidential electors only): petition of 1% of the last presidential vote.',
      )?.base,
    ).toBe('president');
  });
});

describe('requirementNumber', () => {
  const tx2020 = { year: 2020, votes: 11_315_056 };
  it('computes a presidential formula: TX independent 1% × 11,315,056 (2020) = 113,150.56 → 113,151, the figure the source states', () => {
    const n = requirementNumber('Formula: 1% of the last presidential vote', 113_151, tx2020);
    expect(n).toMatchObject({ signatures: 113_151, status: 'computed', copied: 113_151 });
    expect(n.computation).toContain('11,315,056');
  });
  it('marks a governor formula missing and says why', () => {
    const n = requirementNumber(
      'Petition equal to 3% of the votes cast for governor at the last general election',
      null,
      tx2020,
    );
    expect(n).toMatchObject({ signatures: null, status: 'missing' });
    expect(n.computation).toContain('governor results are not shipped');
  });
  it('copies a stated figure when the formula cannot be computed (OK: 3% of the governor vote, 34,599 stated)', () => {
    expect(
      requirementNumber('Petition signed by voters equal to 3% of total votes for governor', 34_599, tx2020),
    ).toMatchObject({
      signatures: 34_599,
      status: 'copied',
    });
  });
  it('applies a lesser-of cap', () => {
    expect(
      requirementNumber('Formula: the lesser of 1,000 or 1% of the presidential vote', null, {
        year: 2024,
        votes: 500_000,
      }).signatures,
    ).toBe(1_000);
  });
  it('is missing when the state has no presidential total', () => {
    expect(requirementNumber('Formula: 1% of the last presidential vote', null, null).status).toBe('missing');
  });
});

describe('deadline and distribution text', () => {
  it('reads the first explicit date', () => {
    expect(firstDate('Due on primary day (2024 minor-party deadline listed as Mar 5, 2024).')).toBe(
      '2024-03-05',
    );
    expect(firstDate('By 12 noon June 1 before the August primary')).toBeNull();
  });
  it('finds distribution clauses', () => {
    expect(
      distributionClause(
        'signers from at least 5 counties and at least 10% from counties under 500,000 people (ARS 16-801)',
      ),
    ).toContain('at least 5 counties');
    expect(distributionClause('with at least 200 from each of 3 congressional districts')).toContain(
      'each of 3 congressional districts',
    );
    expect(distributionClause('at least 10,000 registered voters')).toBeNull();
    expect(
      distributionClause(
        'equal to at least 1% of the votes for governor at the last gubernatorial election, including at least 1% in each of the three congressional districts',
      ),
    ).toBe('at least 1% in each of the three congressional districts');
  });
});
