import { describe, expect, it } from 'vitest';
import { allocate } from '../../../../src/core/allocate/index.ts';
import type { PactInput } from '../../../../src/core/allocate/types.ts';
import { probabilityOf, raceOdds } from './race-odds.ts';

const input: PactInput = {
  members: [
    { id: 'greens', weight: 120000, position: -0.6 },
    { id: 'labour', weight: 400000, position: -0.4 },
    { id: 'liberals', weight: 90000, position: 0.3 },
  ],
  races: [
    { id: 'd1', votes: { greens: 5100, labour: 20300, 'other:con': 22000 } },
    { id: 'd2', votes: { greens: 14000, labour: 9000, liberals: 2000, 'other:con': 21000 } },
    { id: 'd3', votes: { labour: 30000, liberals: 6000, 'other:con': 12000 } },
    { id: 'd4', votes: { greens: 1000, 'other:con': 40000 } },
  ],
};

describe('raceOdds', () => {
  it('gives the assigned member the probability the engine wrote in its explanation', () => {
    const report = allocate(input);
    const odds = raceOdds(input);
    for (const [race, member] of Object.entries(report.assignments)) {
      if (member === null) continue;
      const written = new RegExp(`^${member}: (\\d\\.\\d\\d) chance to win`).exec(
        report.explanations[race] ?? '',
      );
      expect(written, report.explanations[race]).not.toBeNull();
      expect(probabilityOf(odds.get(race), member)?.toFixed(2)).toBe(written?.[1]);
    }
  });

  it('lists every member best first and classes the race by the best reachable margin', () => {
    const odds = raceOdds(input);
    const d3 = odds.get('d3');
    expect(d3?.byMember.map((m) => m.key)).toEqual(['labour', 'greens', 'liberals']);
    expect(d3?.tier).toBe('safe');
    expect(odds.get('d4')?.tier).toBe('difficult');
  });

  it('gives no odds for an input the engine refuses, and none for an unknown member', () => {
    expect(raceOdds({ ...input, uncertainty: -1 }).size).toBe(0);
    expect(probabilityOf(raceOdds(input).get('d1'), 'nobody')).toBeNull();
    expect(probabilityOf(undefined, 'labour')).toBeNull();
  });
});
