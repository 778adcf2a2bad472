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
 * solver is injected (src/features/pacts/runs/run-solver.ts).
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
  const isFair = (owner: Int32Array) => wef1Violations(owner, values.value, weights).length === 0;

  const first = buildMilp(pact, rules, entitlement, values.value);
  const optimum = await solve(first.lp);
  if (optimum.status === 'infeasible') {
    throw infeasible([
      {
        constraints: ['locks', 'vetoes', 'entitlement'],
        reason: 'no allocation satisfies the locks, the vetoes and every entitlement bound together',
      },
    ]);
  }
  if (optimum.status !== 'optimal') throw new Error(`MILP solver failed: ${optimum.message}`);
  const unconstrained = completeKeepingWef1(
    prepared,
    readMilpSolution(first, pact.races.length, optimum.values),
  );
  const fair = isFair(unconstrained.owner)
    ? { allocation: unconstrained, proven: true, enforced: true, rows: 0 }
    : await fairOptimum(
        prepared,
        solve,
        unconstrained,
        keepsEveryRule(prepared, heuristic) ? heuristic : null,
      );
  const exactObjective = objectiveOf(prepared, fair.allocation.owner);
  options.onPhase?.('checking');
  return buildReport(prepared, fair.allocation, {
    mode: 'exact',
    heuristicObjective,
    exactObjective,
    fairness: {
      unconstrainedObjective: objectiveOf(prepared, unconstrained.owner),
      wef1Rows: fair.rows,
      wef1Enforced: fair.enforced,
      provenOptimal: fair.proven,
    },
  });
}

/** Whether an allocation is WEF1 and within the entitlement bounds, as the report checks them. */
function keepsEveryRule(prepared: PreparedPact, allocation: Allocation): boolean {
  const objective = objectiveOf(prepared, allocation.owner);
  const { fairness } = buildReport(prepared, allocation, {
    mode: 'heuristic',
    heuristicObjective: objective,
    exactObjective: null,
  });
  return fairness.wef1 && fairness.entitlementWithinOne;
}

/** Seconds all the WEF1 solves of one run may take together, after the unconstrained optimum. */
const fairSolveSeconds = 60;

/**
 * The best WEF1 allocation: WEF1 rows for every pair the last solution broke, solved again, until
 * none is broken. A fair heuristic allocation sets a floor on the objective (it prunes the search)
 * and is the fallback when the time runs out before a better fair allocation is found; optimality
 * is then not proven, but the unconstrained optimum still bounds how far off it can be.
 */
async function fairOptimum(
  prepared: PreparedPact,
  solve: MilpSolver,
  unconstrained: Allocation,
  fairHeuristic: Allocation | null,
): Promise<{ allocation: Allocation; proven: boolean; enforced: boolean; rows: number }> {
  const { pact, rules, entitlement, values } = prepared;
  const weights = pact.members.map((member) => member.weight);
  const floor = fairHeuristic === null ? null : objectiveOf(prepared, fairHeuristic.owner) - 1e-6;
  const pairs: EnvyPair[] = [];
  const enforced = new Set<string>();
  const started = Date.now();
  let latest = unconstrained;
  // Each pass adds at least one new pair, and there are n(n-1) pairs: the loop ends.
  const fallback = (proven: boolean) =>
    fairHeuristic === null
      ? { allocation: unconstrained, proven, enforced: false, rows: pairs.length }
      : { allocation: fairHeuristic, proven, enforced: true, rows: pairs.length };
  for (;;) {
    const broken = wef1Violations(latest.owner, values.value, weights);
    if (broken.length === 0) return { allocation: latest, proven: true, enforced: true, rows: pairs.length };
    const fresh = broken.filter((pair) => !enforced.has(`${pair.envious}:${pair.envied}`));
    // Only pairs whose rows are already in the model are broken (the solver's tolerance, or the
    // open races completed after the solve): this answer is not fair as the report checks it, so
    // it is not offered as the fair optimum. The fair heuristic allocation is, when there is one;
    // otherwise the report says WEF1 was not enforced.
    if (fresh.length === 0) return fallback(false);
    for (const pair of fresh) {
      enforced.add(`${pair.envious}:${pair.envied}`);
      pairs.push(pair);
    }
    const left = fairSolveSeconds - (Date.now() - started) / 1000;
    if (left <= 1) return fallback(false);
    const model = buildMilp(pact, rules, entitlement, values.value, pairs, floor);
    const solution = await solve(model.lp, { timeLimitSeconds: left });
    if (solution.status === 'failed') throw new Error(`MILP solver failed: ${solution.message}`);
    // Infeasible above the floor: the fair heuristic allocation is the best fair one.
    if (solution.status === 'infeasible') return fallback(true);
    if (solution.status === 'stopped') {
      if (solution.values === null) return fallback(false);
      const found = completeKeepingWef1(
        prepared,
        readMilpSolution(model, pact.races.length, solution.values),
      );
      const better =
        wef1Violations(found.owner, values.value, weights).length === 0 &&
        (fairHeuristic === null ||
          objectiveOf(prepared, found.owner) > objectiveOf(prepared, fairHeuristic.owner));
      return better
        ? { allocation: found, proven: false, enforced: true, rows: pairs.length }
        : fallback(false);
    }
    latest = completeKeepingWef1(prepared, readMilpSolution(model, pact.races.length, solution.values));
  }
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
