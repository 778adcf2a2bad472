import { repairEnvy } from './envy.ts';
import { improveBySwaps } from './improve.ts';
import { buildMilp, type EnvyPair, type MilpSolver, readMilpSolution } from './milp.ts';
import { fillOpenRaces, runPickingSequence } from './picking.ts';
import { type PreparedPact, preparePact } from './prepare.ts';
import { repairFloors } from './repair.ts';
import { buildReport, objectiveOf } from './report.ts';
import { infeasible } from './rules.ts';
import { AllocationState } from './state.ts';
import type { Allocation, AllocationReport, PactInput } from './types.ts';
import { wef1Violations } from './wef1.ts';

/** The steps of a run, in order, for a caller that shows progress (the exact phase only with --exact). */
export type EnginePhase = 'heuristic' | 'exact' | 'checking';

export interface HeuristicOptions {
  /** Run the improving moves and swaps after the picking sequence (default true). */
  improve?: boolean;
  /** Called as each phase starts, once the input is validated. */
  onPhase?: (phase: EnginePhase) => void;
}

/** An allocation of nothing yet, sized and bounded for the pact. */
function emptyState({ pact, values, entitlement }: PreparedPact): AllocationState {
  return new AllocationState(
    pact.races.length,
    pact.members.length,
    values.value,
    entitlement.groupsOfRace,
    entitlement.groups.length,
  );
}

/** The fast allocation: picking sequence, open races filled, floors repaired, then local search. */
export function allocateByHeuristic(prepared: PreparedPact, options: HeuristicOptions = {}): Allocation {
  const { pact, rules, entitlement } = prepared;
  const state = emptyState(prepared);
  runPickingSequence(state, pact, rules, entitlement);
  fillOpenRaces(state, pact, rules, entitlement);
  repairFloors(state, pact, rules, entitlement);
  if (options.improve ?? true) {
    repairEnvy(state, pact, rules, entitlement);
    improveBySwaps(state, pact, rules, entitlement);
  }
  return { owner: state.owner, provenance: state.provenance };
}

/** `concord allocate FILE`: the heuristic's allocation and its report. */
export function allocate(input: PactInput, options: HeuristicOptions = {}): AllocationReport {
  const prepared = preparePact(input);
  options.onPhase?.('heuristic');
  const allocation = allocateByHeuristic(prepared, options);
  const heuristicObjective = objectiveOf(prepared, allocation.owner);
  options.onPhase?.('checking');
  return buildReport(prepared, allocation, { mode: 'heuristic', heuristicObjective, exactObjective: null });
}

/**
 * `concord allocate FILE --exact`: the best allocation under the same hard rules that is also WEF1,
 * reported with the heuristic's gap to it and what fairness costs. WEF1 rows are lazy: solve, add
 * the rows of every pair the solution breaks, solve again, until none is broken. The first solve
 * is the unconstrained optimum, so its objective is what the fairness is measured against. The
 * solver is injected (src/features/pacts/allocation.solver.ts).
 */
export async function allocateExactly(
  input: PactInput,
  solve: MilpSolver,
  options: Pick<HeuristicOptions, 'onPhase'> = {},
): Promise<AllocationReport> {
  const prepared = preparePact(input);
  options.onPhase?.('heuristic');
  const heuristic = allocateByHeuristic(prepared);
  const heuristicObjective = objectiveOf(prepared, heuristic.owner);
  options.onPhase?.('exact');
  const { pact, rules, entitlement, values } = prepared;
  const weights = pact.members.map((member) => member.weight);
  const pairs: EnvyPair[] = [];
  const enforced = new Set<string>();
  let unconstrained: { allocation: Allocation; objective: number } | null = null;
  let allocation: Allocation | null = null;
  let wef1Enforced = true;
  // Each pass adds at least one new pair, and there are n(n-1) pairs: the loop ends.
  for (;;) {
    const model = buildMilp(pact, rules, entitlement, values.value, pairs);
    const solution = await solve(model.lp);
    if (solution.status === 'failed') throw new Error(`MILP solver failed: ${solution.message}`);
    if (solution.status === 'infeasible') {
      if (unconstrained === null) {
        throw infeasible([
          {
            constraints: ['locks', 'vetoes', 'entitlement'],
            reason: 'no allocation satisfies the locks, the vetoes and every entitlement bound together',
          },
        ]);
      }
      // The hard rules leave no WEF1 allocation: the unconstrained optimum stands, flagged unfair.
      allocation = unconstrained.allocation;
      wef1Enforced = false;
      break;
    }
    allocation = completeKeepingWef1(prepared, readMilpSolution(model, pact.races.length, solution.values));
    unconstrained ??= { allocation, objective: objectiveOf(prepared, allocation.owner) };
    const fresh = wef1Violations(allocation.owner, values.value, weights).filter(
      (pair) => !enforced.has(`${pair.envious}:${pair.envied}`),
    );
    // A pair broken again after its rows were added is within the solver's tolerance: stop there,
    // and the report's own check says whether WEF1 holds.
    if (fresh.length === 0) break;
    for (const pair of fresh) {
      enforced.add(`${pair.envious}:${pair.envied}`);
      pairs.push(pair);
    }
  }
  const exactObjective = objectiveOf(prepared, allocation.owner);
  options.onPhase?.('checking');
  return buildReport(prepared, allocation, {
    mode: 'exact',
    heuristicObjective,
    exactObjective,
    fairness: {
      unconstrainedObjective: unconstrained?.objective ?? exactObjective,
      wef1Rows: pairs.length,
      wef1Enforced,
    },
  });
}

/**
 * Open races are completed as below unless that breaks WEF1 for a pair the solver's own answer
 * kept: with WEF1 rows, leaving a race open can be what keeps a member from envying another.
 */
function completeKeepingWef1(prepared: PreparedPact, owner: Int32Array): Allocation {
  const completed = completeOpenRaces(prepared, owner);
  const weights = prepared.pact.members.map((member) => member.weight);
  const broken = (of: Int32Array) => wef1Violations(of, prepared.values.value, weights).length;
  return broken(completed.owner) > broken(owner) ? completeOpenRaces(prepared, owner, false) : completed;
}

/**
 * The solver sees values below its tolerances as 0 and may leave such races open; they are still
 * worth something, so they go to a member with room, as the heuristic's fill step does. Only when
 * races are apportioned: with expected wins apportioned, leaving a race open can be what keeps a
 * member within its band, and the solver's choice stands.
 */
function completeOpenRaces(prepared: PreparedPact, owner: Int32Array, fill = true): Allocation {
  const { pact, rules, entitlement } = prepared;
  const state = emptyState(prepared);
  owner.forEach((member, race) => {
    const lock = rules.lockSource[race];
    if (member !== -1) state.set(race, member, lock ?? { kind: 'exact' });
  });
  if (fill && pact.settings.apportionBy === 'races') fillOpenRaces(state, pact, rules, entitlement);
  else
    owner.forEach((member, race) => {
      if (member === -1)
        state.set(race, -1, {
          kind: 'open',
          reason: rules.closed[race] === 1 ? 'all-vetoed' : fill ? 'no-room' : 'wef1',
        });
    });
  return { owner: state.owner, provenance: state.provenance };
}
