import { describe, expect, it } from 'vitest';
import { noPactExpectedWins, onSameSide, raceValues } from './transfer.ts';
import type { Member, MemberId } from './types.ts';
import { validatePact } from './validate.ts';

/**
 * One race worked by hand. Votes: left 400, green 200, centre 100, opponents 500 and 300; 1,500
 * cast. Left and green are on the same side (0.8), the centre member on neither (0.3).
 *   left   = 400 + 0.8·200 + 0.3·100 = 590 → margin (590 − 500)/1500 = 0.06  → Φ(0.06/0.08)
 *   green  = 200 + 0.8·400 + 0.3·100 = 550 → margin 0.0333…                    → Φ(0.41667)
 *   centre = 100 + 0.3·400 + 0.3·200 = 280 → margin −0.14667                   → Φ(−1.8333)
 *   no pact: strongest member 400 vs 500 → margin −0.0667                      → Φ(−0.8333)
 * Reference probabilities from libm's erfc.
 */
const pact = validatePact({
  members: [
    { id: 'left', weight: 3, position: -0.5 },
    { id: 'green', weight: 2, position: -0.2 },
    { id: 'centre', weight: 1, position: 0 },
  ],
  races: [{ id: 'r1', votes: { left: 400, green: 200, centre: 100, 'other:a': 500, 'other:b': 300 } }],
  transfer: { sameSide: 0.8, crossSide: 0.3 },
  uncertainty: 0.08,
});

describe('vote-transfer model', () => {
  const values = raceValues(pact);
  const index = (id: string) => pact.members.findIndex((member) => member.id === id);

  it.each([
    ['left', 0.06, 0.7733726476231317],
    ['green', 0.03333333333333333, 0.6615388804893103],
    ['centre', -0.14666666666666667, 0.03337650758481724],
  ])('%s: margin and win probability as worked by hand', (id, margin, probability) => {
    expect(values.margin[index(id)]).toBeCloseTo(margin, 12);
    expect(Math.abs((values.probability[index(id)] ?? 0) - probability) / probability).toBeLessThan(1.4e-7);
    expect(values.value[index(id)]).toBe(values.probability[index(id)]);
  });

  it('without a pact the coalition needs its strongest member to beat the strongest opponent', () => {
    const race = pact.races[0];
    if (race === undefined) throw new Error('no race');
    expect(Math.abs(noPactExpectedWins(race, 0.08) - 0.20232838096364306) / 0.20232838096364306).toBeLessThan(
      1.4e-7,
    );
  });

  it('a race with k seats is worth k times its win probability', () => {
    const twoSeats = validatePact({
      ...pactInput(),
      races: [{ id: 'r', seats: 2, votes: { a: 10, 'other:x': 10 } }],
    });
    expect(raceValues(twoSeats).value[0]).toBeCloseTo(1, 6);
  });

  it('sides: a strict shared sign; the centre and undeclared positions are on nobody\u2019s side', () => {
    const member = (position: number | undefined): Member => ({ id: 'x' as MemberId, weight: 1, position });
    expect(onSameSide(member(-0.1), member(-1))).toBe(true);
    expect(onSameSide(member(0.4), member(0.9))).toBe(true);
    expect(onSameSide(member(-0.4), member(0.4))).toBe(false);
    expect(onSameSide(member(0), member(0))).toBe(false);
    expect(onSameSide(member(undefined), member(0.5))).toBe(false);
  });
});

function pactInput() {
  return { members: [{ id: 'a', weight: 1 }], races: [] };
}
