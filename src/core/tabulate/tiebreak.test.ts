import { describe, expect, it } from 'vitest';
import { readBallotText } from './parse/ballot-reader.ts';
import { tabulate } from './tabulate.ts';
import type { TabulationOptions } from './types.ts';

// Round 1: A 10, B 6, C 5, D 1. D's ballot goes to C, so B and C tie at 6 for last in round 2.
const differedBefore = ['weight,rank1,rank2', '10,A,', '6,B,', '5,C,', '1,D,C'].join('\n');
// B and C tie in round 1 already: nothing earlier can separate them.
const tiedFromStart = ['weight,rank1', '10,A', '6,B', '6,C'].join('\n');

const count = (text: string, options: Partial<TabulationOptions>, candidates?: string[]) =>
  tabulate(readBallotText(text, { candidates: candidates ?? null }), { method: 'irv', ...options });

describe('tiebreaks', () => {
  it('previous-round: the candidate with fewer votes in the latest round where they differed goes', () => {
    const result = count(differedBefore, { tiebreak: 'previous-round' });
    expect(result.rounds[1]?.eliminated).toEqual(['C']);
    expect(result.tiebreaks).toEqual([
      {
        round: 2,
        purpose: 'elimination',
        tied: ['B', 'C'],
        rule: 'previous-round',
        chosen: 'C',
        detail: 'fewest votes in round 1',
      },
    ]);
  });

  it('previous-round falls back to a seeded random draw when the tie goes back to round 1', () => {
    const [tie] = count(tiedFromStart, { tiebreak: 'previous-round', seed: 's1' }).tiebreaks;
    expect(tie?.rule).toBe('random');
    expect(tie?.detail).toBe('equal in every earlier round; drawn with seed "s1"');
  });

  it('order: the candidate listed last among the tied is eliminated', () => {
    expect(count(differedBefore, { tiebreak: 'order' }, ['A', 'B', 'C', 'D']).rounds[1]?.eliminated).toEqual([
      'C',
    ]);
    expect(count(differedBefore, { tiebreak: 'order' }, ['A', 'C', 'B', 'D']).rounds[1]?.eliminated).toEqual([
      'B',
    ]);
  });

  it('random: the same seed draws the same, and over many seeds either candidate can go', () => {
    const draw = (seed: string) => count(tiedFromStart, { tiebreak: 'random', seed }).tiebreaks[0]?.chosen;
    expect(draw('2026-05-01')).toBe(draw('2026-05-01'));
    const chosen = new Set(Array.from({ length: 40 }, (_, i) => draw(`seed-${i}`)));
    expect(chosen).toEqual(new Set(['B', 'C']));
  });

  it('stop: the count stops at the tie and reports it, with no winner', () => {
    const result = count(differedBefore, { tiebreak: 'stop' });
    expect(result.outcome).toEqual({ kind: 'tie', round: 2, purpose: 'elimination', tied: ['B', 'C'] });
    expect(result.winners).toEqual([]);
    expect(result.tiebreaks[0]).toMatchObject({ rule: 'stop', chosen: null });
    expect(result.rounds).toHaveLength(2);
  });

  it('records an election tie at the last seat (plurality) and leaves other equal tallies alone', () => {
    const text = ['rank1', 'A', 'A', 'B', 'C', 'D'].join('\n');
    const result = tabulate(readBallotText(text), { method: 'plurality', seats: 2, tiebreak: 'order' });
    expect(result.winners).toEqual(['A', 'B']);
    expect(result.tiebreaks).toEqual([
      {
        round: 1,
        purpose: 'election',
        tied: ['B', 'C', 'D'],
        rule: 'order',
        chosen: 'B',
        detail: 'listed first among the tied',
      },
    ]);
  });
});
