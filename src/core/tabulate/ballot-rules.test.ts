import { describe, expect, it } from 'vitest';
import { readBallotText } from './parse/ballot-reader.ts';
import { tabulate } from './tabulate.ts';
import type { TabulationOptions } from './types.ts';

/** Round tallies and exhausted weight of an IRV count, round by round. */
function irvRounds(lines: string[], options: Partial<TabulationOptions>) {
  const result = tabulate(readBallotText(lines.join('\n')), { method: 'irv', ...options });
  return result.rounds.map((round) => ({ ...round.tallies, exhausted: round.exhausted }));
}

// 5 A, 4 B, 3 C, and one ballot under test; D is eliminated first, so round 2 shows where it went.
const base = ['weight,rank1,rank2,rank3,rank4', '5,A,,,', '4,B,,,', '3,C,,,'];

describe('overvote rule (RCTab)', () => {
  const ballots = [...base, '1,D,C=D,B,'];
  it('exhaust: the ballot exhausts when it reaches the overvote', () => {
    expect(irvRounds(ballots, { overvote: 'exhaust' })[1]).toEqual({ A: 5, B: 4, C: 3, exhausted: 1 });
  });
  it('skip: the overvote is passed over', () => {
    expect(irvRounds(ballots, { overvote: 'skip' })[1]).toEqual({ A: 5, B: 5, C: 3, exhausted: 0 });
  });
  it('exhaust-if-multiple: counts for the one continuing candidate of the overvote', () => {
    expect(irvRounds(ballots, { overvote: 'exhaust-if-multiple' })[1]).toEqual({
      A: 5,
      B: 4,
      C: 4,
      exhausted: 0,
    });
  });
  it('exhaust-if-multiple: exhausts when two of them are continuing, and stays exhausted', () => {
    // D is eliminated first; the A=D ballot exhausted in round 1 does not come back to A.
    const rounds = irvRounds([...base, '1,D,,,', '1,A=D,,,'], { overvote: 'exhaust-if-multiple' });
    expect(rounds[0]).toEqual({ A: 5, B: 4, C: 3, D: 1, exhausted: 1 });
    expect(rounds[1]).toEqual({ A: 5, B: 4, C: 3, exhausted: 2 });
  });
});

describe('maximum skipped ranks (RCTab)', () => {
  const ballots = [...base, '1,D,,,B'];
  it('exhausts a ballot that skips more blank ranks than allowed before its next mark', () => {
    expect(irvRounds(ballots, { maxSkipped: 1 })[1]).toMatchObject({ B: 4, exhausted: 1 });
    expect(irvRounds(ballots, { maxSkipped: 2 })[1]).toMatchObject({ B: 5, exhausted: 0 });
    expect(irvRounds(ballots, { maxSkipped: null })[1]).toMatchObject({ B: 5, exhausted: 0 });
  });
  it('counts blank ranks before the first mark too', () => {
    expect(irvRounds([...base, '1,,B,,'], { maxSkipped: 0 })[0]).toMatchObject({ B: 4, exhausted: 1 });
    expect(irvRounds([...base, '1,,B,,'], { maxSkipped: 1 })[0]).toMatchObject({ B: 5, exhausted: 0 });
  });
});

describe('repeated candidate (RCTab)', () => {
  const ballots = [...base, '1,D,D,B,'];
  it('skip: the repeat is passed over like any eliminated candidate', () => {
    expect(irvRounds(ballots, { duplicate: 'skip' })[1]).toMatchObject({ B: 5, exhausted: 0 });
  });
  it('exhaust: the ballot exhausts when it reaches the repeat', () => {
    expect(irvRounds(ballots, { duplicate: 'exhaust' })[1]).toMatchObject({ B: 4, exhausted: 1 });
  });
  it('is checked before the overvote rule', () => {
    const rounds = irvRounds([...base, '1,D,C=D,B,'], { duplicate: 'exhaust', overvote: 'skip' });
    expect(rounds[1]).toMatchObject({ B: 4, exhausted: 1 });
  });
});
