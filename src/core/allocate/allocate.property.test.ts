import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { arbitraryPact, shuffled } from './allocate.arbitrary.ts';
import { apportion } from './apportion.ts';
import { allocate } from './engine.ts';
import { preparePact } from './prepare.ts';
import type { AllocationReport, PactInput } from './types.ts';

/** Runs the heuristic; an infeasible pact is a legitimate answer (a coded 422), anything else is a bug. */
function run(input: PactInput): AllocationReport | 'infeasible' {
  try {
    return allocate(input);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'pact.infeasible') return 'infeasible';
    throw error;
  }
}

/** Each member's value of each race, by ids: seats × win probability under the engine's model. */
function valuations(input: PactInput): (member: string, race: string) => number {
  const { pact, values } = preparePact(input);
  const n = pact.members.length;
  const memberAt = new Map(pact.members.map((member, at) => [member.id as string, at]));
  const raceAt = new Map(pact.races.map((race, at) => [race.id as string, at]));
  return (member, race) => values.value[(raceAt.get(race) ?? 0) * n + (memberAt.get(member) ?? 0)] ?? 0;
}

/**
 * WEF1 straight from the definition (Chakraborty, Igarashi, Suksompong & Zick): for all i ≠ j with
 * A_j non-empty, SOME race g of A_j satisfies v_i(A_i)/w_i ≥ v_i(A_j \ {g})/w_j. Every g is tried
 * and every bundle summed afresh: nothing is shared with the engine's incremental checker.
 */
function independentWef1(input: PactInput, report: AllocationReport, tolerance: number): boolean {
  const value = valuations(input);
  const bundle = (member: string) =>
    Object.entries(report.assignments)
      .filter(([, owner]) => owner === member)
      .map(([race]) => race);
  const worth = (member: string, races: string[]) =>
    races.reduce((sum, race) => sum + value(member, race), 0);
  return input.members.every((i) =>
    input.members.every((j) => {
      const theirs = bundle(j.id);
      if (i.id === j.id || theirs.length === 0) return true;
      const mine = worth(i.id, bundle(i.id)) / i.weight;
      return theirs.some(
        (g) =>
          mine >=
          worth(
            i.id,
            theirs.filter((race) => race !== g),
          ) /
            j.weight -
            tolerance,
      );
    }),
  );
}

/** Entitlement within ±1, recomputed from the input (races mode without tiers; wins mode). */
function independentEntitlement(input: PactInput, report: AllocationReport): boolean | undefined {
  if (input.tierBalance) return undefined;
  const seats = input.members.map((member) => report.members[member.id]?.seats ?? 0);
  const weights = input.members.map((member) => member.weight);
  if (input.apportionBy === 'expectedWins') {
    const wins = input.members.map((member) => report.members[member.id]?.expectedWins ?? 0);
    const total = wins.reduce((sum, w) => sum + w, 0);
    const weightTotal = weights.reduce((sum, w) => sum + w, 0);
    return wins.every((w, at) => Math.abs(w - (total * (weights[at] ?? 0)) / weightTotal) <= 1 + 1e-9);
  }
  const vetoed = new Set((input.vetoes ?? []).map((veto) => `${veto.race}|${veto.member}`));
  const open = input.races.filter((race) =>
    input.members.some((member) => !vetoed.has(`${race.id}|${member.id}`)),
  );
  const apportioned = apportion(weights, open.length, input.apportionment ?? 'sainte-lague');
  return seats.every((count, at) => Math.abs(count - (apportioned[at] ?? 0)) <= 1);
}

const runs = { numRuns: 150 };

describe('allocate (properties)', () => {
  it('gives every race to at most one member, never against a lock or a veto', () => {
    fc.assert(
      fc.property(arbitraryPact({ modes: true }), (input) => {
        const report = run(input);
        if (report === 'infeasible') return;
        const members = new Set(input.members.map((member) => member.id));
        expect(Object.keys(report.assignments).sort()).toEqual(input.races.map((race) => race.id).sort());
        for (const owner of Object.values(report.assignments))
          expect(owner === null || members.has(owner)).toBe(true);
        for (const lock of input.locks ?? []) expect(report.assignments[lock.race]).toBe(lock.member);
        for (const veto of input.vetoes ?? []) expect(report.assignments[veto.race]).not.toBe(veto.member);
        expect(Object.keys(report.explanations).length).toBe(input.races.length);
      }),
      runs,
    );
  });

  it('reports entitlement within ±1 exactly when it holds', () => {
    fc.assert(
      fc.property(arbitraryPact({ modes: true }), (input) => {
        const report = run(input);
        if (report === 'infeasible') return;
        const holds = independentEntitlement(input, report);
        if (holds !== undefined) expect(report.fairness.entitlementWithinOne).toBe(holds);
        if (input.entitlement !== 'report' && input.apportionBy !== 'expectedWins' && !input.tierBalance) {
          expect(report.fairness.entitlementWithinOne).toBe(true);
        }
      }),
      runs,
    );
  });

  it('reports WEF1 exactly when an independent check agrees', () => {
    fc.assert(
      fc.property(arbitraryPact({ modes: true }), (input) => {
        const report = run(input);
        if (report === 'infeasible') return;
        if (report.fairness.wef1) expect(independentWef1(input, report, 1e-8)).toBe(true);
        else expect(independentWef1(input, report, -1e-10)).toBe(false);
      }),
      runs,
    );
  });

  it('does not depend on the order of members, races or vote keys', () => {
    fc.assert(
      fc.property(arbitraryPact({ modes: true }), fc.integer({ min: 1, max: 1000 }), (input, seed) => {
        const report = run(input);
        const again = run(shuffled(input, seed));
        expect(again).toEqual(report);
      }),
      runs,
    );
  });

  it('adds up: the objective is the members\u2019 expected wins, never more than the races', () => {
    fc.assert(
      fc.property(arbitraryPact(), (input) => {
        const report = run(input);
        if (report === 'infeasible') return;
        const sum = Object.values(report.members).reduce((total, member) => total + member.expectedWins, 0);
        expect(report.expectedWins.pact).toBeCloseTo(sum, 9);
        expect(report.solver.objective).toBeCloseTo(sum, 9);
        const seats = input.races.reduce((total, race) => total + (race.seats ?? 1), 0);
        expect(report.expectedWins.pact).toBeLessThanOrEqual(seats + 1e-9);
        expect(report.expectedWins.noPact).toBeLessThanOrEqual(seats + 1e-9);
      }),
      runs,
    );
  });
});
