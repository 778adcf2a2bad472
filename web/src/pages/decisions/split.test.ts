import { describe, expect, it } from 'vitest';
import { describeBallot, describeRanking, describeSplit } from './split.ts';

describe('ballot descriptions', () => {
  it('names a whole-weight choice, and a split by its shares', () => {
    expect(describeSplit({ yes: 1000, no: 0, abstain: 0 })).toBe('Yes');
    expect(describeSplit({ yes: 700, no: 300, abstain: 0 })).toBe('70% yes, 30% no');
    expect(describeSplit({ yes: 0, no: 500, abstain: 500 })).toBe('50% no, 50% abstain');
  });

  it('writes a ranking in order, and a split delegation ranking by ranking', () => {
    expect(describeRanking([{ ranking: ['A', 'B', 'C'], share: 1000 }])).toBe('A > B > C');
    expect(describeRanking([{ ranking: [], share: 1000 }])).toBe('blank (no option ranked)');
    expect(
      describeRanking([
        { ranking: ['A', 'B'], share: 700 },
        { ranking: ['B', 'A'], share: 300 },
      ]),
    ).toBe('70%: A > B; 30%: B > A');
    expect(describeBallot({ split: null, parts: [{ ranking: ['X'], share: 1000 }] })).toBe('X');
    expect(describeBallot({ split: { yes: 0, no: 1000, abstain: 0 }, parts: null })).toBe('No');
  });
});
