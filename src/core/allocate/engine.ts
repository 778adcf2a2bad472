import { repairEnvy } from './envy.ts';
import { improveBySwaps } from './improve.ts';
import { buildMilp, type MilpSolver, readMilpSolution } from './milp.ts';
import { fillOpenRaces, runPickingSequence } from './picking.ts';
import { type PreparedPact, preparePact } from './prepare.ts';
import { repairFloors } from './repair.ts';
import { buildReport, objectiveOf } from './report.ts';
import { infeasible } from './rules.ts';
import { AllocationState } from './state.ts';
import type { Allocation, AllocationReport, PactInput } from './types.ts';

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
 * `concord allocate FILE --exact`: the MILP optimum under the same hard rules, reported with the
 * heuristic's gap to it. The solver is injected (src/features/pacts/runs/run-solver.ts).
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
  const model = buildMilp(prepared.pact, prepared.rules, prepared.entitlement, prepared.values.value);
  const solution = await solve(model.lp);
  if (solution.status === 'infeasible') {
    throw infeasible([
      {
        constraints: ['locks', 'vetoes', 'entitlement'],
        reason: 'no allocation satisfies the locks, the vetoes and every entitlement bound together',
      },
    ]);
  }
  if (solution.status === 'failed') throw new Error(`MILP solver failed: ${solution.message}`);
  const allocation = completeOpenRaces(
    prepared,
    readMilpSolution(model, prepared.pact.races.length, solution.values),
  );
  const exactObjective = objectiveOf(prepared, allocation.owner);
  options.onPhase?.('checking');
  return buildReport(prepared, allocation, { mode: 'exact', heuristicObjective, exactObjective });
}

/**
 * The solver sees values below its tolerances as 0 and may leave such races open; they are still
 * worth something, so they go to a member with room, as the heuristic's fill step does. Only when
 * races are apportioned: with expected wins apportioned, leaving a race open can be what keeps a
 * member within its band, and the solver's choice stands.
 */
function completeOpenRaces(prepared: PreparedPact, owner: Int32Array): Allocation {
  const { pact, rules, entitlement } = prepared;
  const state = emptyState(prepared);
  owner.forEach((member, race) => {
    const lock = rules.lockSource[race];
    if (member !== -1) state.set(race, member, lock ?? { kind: 'exact' });
  });
  if (pact.settings.apportionBy === 'races') fillOpenRaces(state, pact, rules, entitlement);
  else
    owner.forEach((member, race) => {
      if (member === -1)
        state.set(race, -1, { kind: 'open', reason: rules.closed[race] === 1 ? 'all-vetoed' : 'no-room' });
    });
  return { owner: state.owner, provenance: state.provenance };
}
