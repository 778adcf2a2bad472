import { beforeAll, describe, expect, it } from 'vitest';
import {
  type AllocationReport,
  allocate,
  allocateExactly,
  type PactInput,
} from '../../core/allocate/index.ts';
import { centreRight2024, loadFrance2024Pact } from './france-2024.pact.ts';
import { solveWithHighs } from './runs/run-solver.ts';

/**
 * What if the centre and the right had shared the 577 constituencies in 2024 (first round)? The
 * engine must find a pact that beats every member running everywhere, fairly.
 */
describe('French legislative elections 2024: a centre-right pact (real data)', () => {
  let input: PactInput;
  let heuristic: AllocationReport;

  beforeAll(async () => {
    input = await loadFrance2024Pact();
    heuristic = allocate(input);
  });

  it('reads all 577 constituencies and the six members with their national votes', () => {
    expect(input.races).toHaveLength(577);
    expect(input.members.map((member) => member.id)).toEqual(centreRight2024.map((member) => member.nuance));
    // Ensemble won 6,425,217 first-round votes and LR 2,104,918 (ministry totals of the file).
    expect(input.members.find((member) => member.id === 'ENS')?.weight).toBe(6_425_217);
    expect(input.members.find((member) => member.id === 'LR')?.weight).toBe(2_104_918);
    const paris1 = input.races.find((race) => race.id === '7501');
    expect(Object.keys(paris1?.votes ?? {}).some((key) => key.startsWith('other:RN#'))).toBe(true);
  });

  it('beats the no-pact baseline, within entitlement, and says so', () => {
    expect(heuristic.expectedWins.pact).toBeGreaterThan(heuristic.expectedWins.noPact);
    expect(heuristic.fairness.entitlementWithinOne).toBe(true);
    const assigned = Object.values(heuristic.assignments).filter((member) => member !== null);
    expect(assigned).toHaveLength(577);
    expect(Object.keys(heuristic.explanations)).toHaveLength(577);
  });

  it('gives Ensemble, by far the strongest, the most races, in proportion to the votes', () => {
    const ens = heuristic.members.ENS;
    const udi = heuristic.members.UDI;
    expect(ens?.seats).toBeGreaterThan(udi?.seats ?? 0);
    expect(Math.abs((ens?.seats ?? 0) - (ens?.apportioned ?? 0))).toBeLessThanOrEqual(1);
  });

  it('the exact solver does at least as well, and the heuristic is close', async () => {
    const exact = await allocateExactly(input, solveWithHighs);
    expect(exact.solver.objective).toBeGreaterThanOrEqual(heuristic.solver.objective - 1e-6);
    expect(exact.solver.gapToExact).toBeLessThan(0.02);
    expect(exact.fairness.entitlementWithinOne).toBe(true);
  });
});
