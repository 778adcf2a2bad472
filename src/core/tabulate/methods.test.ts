import { describe, expect, it } from 'vitest';
import tennessee from './golden/tennessee.golden.json' with { type: 'json' };
import { readBallotText } from './parse/ballot-reader.ts';
import { tabulate } from './tabulate.ts';
import type { TabulationOptions } from './types.ts';

const tennesseeBallots = readBallotText(tennessee.ballots.join('\n'));
const count = (lines: string[], options: Partial<TabulationOptions>) =>
  tabulate(readBallotText(lines.join('\n')), options);

describe('multi-seat runoffs', () => {
  it('bottoms-up eliminates until as many candidates remain as seats', () => {
    const result = tabulate(tennesseeBallots, { method: 'bottoms-up', seats: 2 });
    expect(result.winners).toEqual(['Knoxville', 'Memphis']);
    expect(result.rounds.map((round) => round.eliminated)).toEqual([['Chattanooga'], ['Nashville'], []]);
  });

  it('sequential IRV counts again for each seat without the candidates already elected', () => {
    const result = tabulate(tennesseeBallots, { method: 'irv', seats: 2 });
    expect(result.winners).toEqual(['Knoxville', 'Chattanooga']);
    const second = result.rounds.filter((round) => round.pass === 2);
    expect(second[0]?.tallies).toEqual({ Chattanooga: 32, Memphis: 42, Nashville: 26 });
    expect(second.at(-1)?.tallies).toEqual({ Chattanooga: 58, Memphis: 42 });
  });
});

describe('more seats than candidates', () => {
  it.each(['irv', 'bottoms-up', 'stv', 'meek', 'plurality', 'approval', 'schulze'] as const)(
    '%s elects everyone',
    (method) => {
      const result = count(['rank1,rank2', 'A,B', 'B,', 'B,A'], { method, seats: 3 });
      expect([...result.winners].sort()).toEqual(['A', 'B']);
      expect(result.rounds.every((round) => Object.keys(round.tallies).length > 0)).toBe(true);
    },
  );
});

describe('IRV options', () => {
  const ballots = ['weight,rank1,rank2', '10,A,', '9,B,', '2,C,B', '1,D,C', '1,E,'];

  it('batch elimination removes together every candidate who cannot catch up', () => {
    const result = count(ballots, { method: 'irv', batchElimination: true });
    expect(result.rounds[0]?.eliminated).toEqual(['C', 'D', 'E']);
    expect(result.rounds[1]?.tallies).toEqual({ A: 10, B: 11 });
    expect(count(ballots, { method: 'irv' }).rounds[0]?.eliminated).toHaveLength(1);
  });

  it('continue-until-two goes on after a majority, and the winner is the same', () => {
    const majority = ['weight,rank1,rank2', '60,A,', '25,B,', '15,C,B'];
    expect(count(majority, { method: 'irv' }).rounds).toHaveLength(1);
    const result = count(majority, { method: 'irv', continueUntilTwo: true });
    expect(result.rounds.map((round) => round.elected)).toEqual([[], ['A']]);
    expect(result.rounds[1]?.tallies).toEqual({ A: 60, B: 40 });
  });

  it('elects the last candidate standing even when every ballot has exhausted', () => {
    const result = count(['rank1,rank2', 'A,', 'B,'], { method: 'irv', tiebreak: 'order' });
    expect(result.winners).toEqual(['A']);
  });
});

describe('approval', () => {
  it('approves every candidate named at any rank, overvotes included, once per ballot', () => {
    const result = count(['weight,rank1,rank2,rank3', '3,A,B=C,A', '2,C,,', '1,,,'], {
      method: 'approval',
      seats: 2,
    });
    expect(result.rounds[0]?.tallies).toEqual({ A: 3, B: 3, C: 5 });
    expect(result.rounds[0]?.exhausted).toBe(1);
    expect(result.winners[0]).toBe('C');
    expect(result.condorcetWinner).toBeNull();
  });
});

describe('Meek', () => {
  it('lets each elected candidate keep about a quota once the keep factors converge', () => {
    const lines = ['weight,rank1,rank2,rank3', '40,A,B,C', '25,B,A,C', '20,C,D,', '15,D,C,', '2,E,D,'];
    const result = count(lines, { method: 'meek', seats: 3 });
    const final = result.rounds.find((round) => round.eliminated.length > 0);
    const quota = Number(final?.quota);
    for (const name of Object.keys(final?.keepFactors ?? {})) {
      expect(Math.abs(Number(final?.tallies[name]) - quota)).toBeLessThan(1e-5);
    }
  });

  it('honours the precision option', () => {
    const result = count(['rank1,rank2', 'A,B', 'A,B', 'B,', 'C,'], {
      method: 'meek',
      seats: 2,
      precision: 4,
    });
    expect(result.rounds[0]?.tallies.A).toBe('2.0000');
  });
});
