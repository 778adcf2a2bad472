import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { arbitraryPact } from './allocate.arbitrary.ts';
import { allocate } from './engine.ts';
import { evaluateAssignments } from './evaluate.ts';
import { syntheticPact } from './synthetic.ts';

describe('evaluateAssignments (an allocation given by hand, checked)', () => {
  it("reproduces the heuristic's own figures and flags for its allocation", () => {
    fc.assert(
      fc.property(arbitraryPact(), (input) => {
        let report: ReturnType<typeof allocate>;
        try {
          report = allocate(input);
        } catch {
          return; // infeasible inputs have no allocation to evaluate
        }
        const again = evaluateAssignments(input, report.assignments);
        expect(again.assignments).toEqual(report.assignments);
        expect(again.members).toEqual(report.members);
        expect(again.fairness).toEqual(report.fairness);
        expect(again.expectedWins.pact).toBeCloseTo(report.expectedWins.pact, 9);
        expect(again.solver.mode).toBe('manual');
      }),
      { numRuns: 60 },
    );
  });

  it('keeps counts through a swap, recomputes expected wins, and explains kept races', () => {
    const input = syntheticPact({ seed: 7, races: 40, members: 4 });
    const report = allocate(input);
    const entries = Object.entries(report.assignments);
    const first = entries.find(([, member]) => member !== null);
    const second = entries.find(([, member]) => member !== null && member !== first?.[1]);
    if (!first || !second) throw new Error('the synthetic pact should give races to two members');
    const swapped = { ...report.assignments, [first[0]]: second[1], [second[0]]: first[1] };
    const after = evaluateAssignments(input, swapped);
    for (const [id, member] of Object.entries(report.members)) {
      expect(after.members[id]?.seats).toBe(member.seats);
    }
    expect(after.assignments[first[0]]).toBe(second[1]);
    const untouched = entries.find(([race]) => race !== first[0] && race !== second[0]);
    expect(after.explanations[untouched?.[0] ?? '']).toContain('kept from the allocation it was given');
    const memberWins = Object.values(after.members).reduce((sum, member) => sum + member.expectedWins, 0);
    expect(after.expectedWins.pact).toBeCloseTo(memberWins, 9);
    expect(after.expectedWins.noPact).toBe(report.expectedWins.noPact);
  });

  it('refuses a race given to a vetoed member or against a lock', () => {
    const input = syntheticPact({ seed: 3, races: 6, members: 2 });
    const [race] = input.races;
    const [a, b] = input.members;
    if (!race || !a || !b) throw new Error('synthetic pact too small');
    const vetoed = { ...input, vetoes: [{ race: race.id, member: a.id }] };
    const error = (() => {
      try {
        evaluateAssignments(vetoed, { [race.id]: a.id });
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('pact.vetoed');
    const locked = { ...input, locks: [{ race: race.id, member: b.id }] };
    expect(() => evaluateAssignments(locked, { [race.id]: a.id })).toThrow(/locked/);
  });
});
