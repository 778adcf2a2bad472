/** The seat-sharing pact engine (pure). See docs/pacts.md for the model and the algorithms. */

export { erfc, normalCdf } from '../normal.ts';
export {
  adviseOnPact,
  type CostlyRule,
  type Fix,
  type PactAdvice,
  type RaceBelowNoPact,
  type RulePrice,
} from './advice.ts';
export { apportion, quotas } from './apportion.ts';
export {
  allocate,
  allocateByHeuristic,
  allocateExactly,
  type EnginePhase,
  type HeuristicOptions,
} from './engine.ts';
export { evaluateAssignments } from './evaluate.ts';
export type { MilpSolution, MilpSolver } from './milp.ts';
export { type PreparedPact, preparePact } from './prepare.ts';
export { objectiveOf } from './report.ts';
export type {
  AllocationReport,
  ApportionmentMethod,
  MemberId,
  MemberReport,
  PactInput,
  RaceId,
} from './types.ts';
export { wef1Holds, wef1Violations } from './wef1.ts';
