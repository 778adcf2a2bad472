import { describe, expect, it } from 'vitest';
import { adviseOnPact } from './advice.ts';
import { allocate } from './engine.ts';
import type { PactInput } from './types.ts';

// Two members of equal weight; "strong" outpolls "weak" everywhere, so sharing races by weight
// hands "weak" races it is less likely to win.
const races = ['r1', 'r2', 'r3', 'r4'].map((id, at) => ({
  id,
  votes: { strong: 4000 + 100 * at, weak: 1500, 'other:opp': 5000 },
}));
const base: PactInput = {
  members: [
    { id: 'strong', weight: 100 },
    { id: 'weak', weight: 100 },
  ],
  races,
};

describe('pact advice', () => {
  it('prices the share rule: each race to its strongest member is the ceiling, and the shortfall is the cost', () => {
    const advice = adviseOnPact(base, allocate(base));
    const entitlement = advice.prices.find((p) => p.rule === 'entitlement');
    expect(advice.ceilingWins).toBeGreaterThan(advice.heuristicWins);
    expect(entitlement?.cost).toBeCloseTo(advice.ceilingWins - advice.heuristicWins, 9);
    expect(advice.difference).toBeCloseTo(advice.pactWins - advice.noPactWins, 9);
    // Racing by count is what costs: the first fix is sharing expected wins instead.
    expect(advice.fixes.map((f) => f.kind)).toContain('share-by-expected-wins');
    // No locks or vetoes: no price for them.
    expect(advice.prices.map((p) => p.rule)).toEqual(['entitlement']);
  });

  it('names the lock that keeps a race from its strongest member, what it costs, and suggests lifting it', () => {
    const locked: PactInput = { ...base, locks: [{ race: 'r4', member: 'weak' }] };
    const advice = adviseOnPact(locked, allocate(locked));
    expect(advice.costlyRules[0]).toMatchObject({ kind: 'lock', race: 'r4', member: 'weak', best: 'strong' });
    expect(advice.costlyRules[0]?.gain).toBeGreaterThan(0);
    const lockPrice = advice.prices.find((p) => p.rule === 'locks');
    expect(lockPrice).toMatchObject({ count: 1 });
    expect(lockPrice?.cost).toBeGreaterThanOrEqual(0);
    expect(advice.fixes).toContainEqual({ kind: 'lift-rule', rule: advice.costlyRules[0] });
  });

  it('lists the races where the pact does worse than every member running, worst first', () => {
    const report = allocate(base);
    const advice = adviseOnPact(base, report);
    for (const race of advice.racesBelowNoPact) expect(race.pact).toBeLessThan(race.noPact);
    const losses = advice.racesBelowNoPact.map((r) => r.noPact - r.pact);
    expect([...losses].sort((a, b) => b - a)).toEqual(losses);
  });
});
