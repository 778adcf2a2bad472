import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryPact } from '../../../core/allocate/allocate.arbitrary.ts';
import {
  allocate,
  allocateExactly,
  apportion,
  type PactInput,
  preparePact,
} from '../../../core/allocate/index.ts';
import { DomainError } from '../../../core/errors.ts';
import { solveWithHighs } from './run-solver.ts';

async function exact(input: PactInput) {
  try {
    return await allocateExactly(input, solveWithHighs);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'pact.infeasible') return 'infeasible' as const;
    throw error;
  }
}

/**
 * The optimum by enumeration: every race to one allowed member or to nobody, under the same locks,
 * vetoes and entitlement bounds (apportioned ± 1). Only for tiny pacts: (members + 1)^races.
 */
function bruteForceOptimum(input: PactInput): number | undefined {
  let prepared: ReturnType<typeof preparePact>;
  try {
    prepared = preparePact(input);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'pact.infeasible') return undefined;
    throw error;
  }
  const { pact, values } = prepared;
  const n = pact.members.length;
  const id = (at: number) => pact.members[at]?.id as string;
  const vetoed = new Set((input.vetoes ?? []).map((veto) => `${veto.race}|${veto.member}`));
  const locked = new Map((input.locks ?? []).map((lock) => [lock.race, lock.member]));
  const open = pact.races.filter((race) =>
    pact.members.some((member) => !vetoed.has(`${race.id}|${member.id}`)),
  );
  const apportioned = apportion(
    pact.members.map((member) => member.weight),
    open.length,
    input.apportionment ?? 'sainte-lague',
  );
  let best: number | undefined;
  const counts = new Array<number>(n).fill(0);
  const visit = (race: number, total: number) => {
    if (race === pact.races.length) {
      if (counts.every((count, at) => Math.abs(count - (apportioned[at] ?? 0)) <= 1))
        best = Math.max(best ?? total, total);
      return;
    }
    const raceId = pact.races[race]?.id as string;
    const lock = locked.get(raceId);
    if (lock === undefined) visit(race + 1, total);
    for (let member = 0; member < n; member += 1) {
      if (vetoed.has(`${raceId}|${id(member)}`) || (lock !== undefined && lock !== id(member))) continue;
      counts[member] = (counts[member] ?? 0) + 1;
      visit(race + 1, total + (values.value[race * n + member] ?? 0));
      counts[member] = (counts[member] ?? 0) - 1;
    }
  };
  visit(0, 0);
  return best;
}

describe('exact mode (HiGHS)', () => {
  it('finds the same optimum as enumerating every allocation of a tiny pact', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryPact({ maxMembers: 3, maxRaces: 6 }), async (input) => {
        const report = await exact(input);
        const optimum = bruteForceOptimum(input);
        if (report === 'infeasible') {
          expect(optimum).toBeUndefined();
          return;
        }
        expect(optimum).toBeDefined();
        expect(report.solver.exactObjective).toBeCloseTo(optimum ?? Number.NaN, 6);
        expect(report.fairness.entitlementWithinOne).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('is never worse than the heuristic, whose gap it reports', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryPact({ maxMembers: 5, maxRaces: 14 }), async (input) => {
        const report = await exact(input);
        if (report === 'infeasible') return;
        const heuristic = allocate(input).solver.objective;
        expect(report.solver.heuristicObjective).toBeCloseTo(heuristic, 9);
        expect(report.solver.objective).toBeGreaterThanOrEqual(heuristic - 1e-6);
        // HiGHS proves optimality to its tolerances (reduced costs to 1e-7), not to the last bit.
        expect(report.solver.gapToExact).toBeGreaterThanOrEqual(-1e-6);
        for (const lock of input.locks ?? []) expect(report.assignments[lock.race]).toBe(lock.member);
        for (const veto of input.vetoes ?? []) expect(report.assignments[veto.race]).not.toBe(veto.member);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the optional bounds as constraints: tiers, and expected wins within one of their share', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryPact({ maxMembers: 4, maxRaces: 12, modes: true }), async (input) => {
        const enforced = { ...input, entitlement: 'enforce' as const };
        const report = await exact(enforced);
        if (report !== 'infeasible') expect(report.fairness.entitlementWithinOne).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
