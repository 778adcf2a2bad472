import type { MilpSolution, MilpSolver } from '../../../core/allocate/index.ts';
import { highs } from './highs.ts';

/** Seconds HiGHS may spend before the exact mode gives up (the pact sizes it targets take far less). */
const timeLimitSeconds = 120;

/**
 * The MILP solver the engine's exact mode is given: HiGHS on an LP-format model. Only a proven
 * optimum counts as a solution; a time limit or a numerical failure is reported as a failure.
 */
export const solveWithHighs: MilpSolver = async (lp, options = {}): Promise<MilpSolution> => {
  const solver = await highs();
  const result = solver.solve(lp, {
    output_flag: false,
    mip_rel_gap: 1e-9,
    mip_abs_gap: 1e-12,
    time_limit: options.timeLimitSeconds ?? timeLimitSeconds,
  });
  const values = () => {
    const found: Record<string, number> = {};
    for (const [name, column] of Object.entries(result.Columns)) found[name] = column.Primal ?? 0;
    return found;
  };
  if (result.Status === 'Optimal') return { status: 'optimal', values: values() };
  if (result.Status === 'Infeasible') return { status: 'infeasible' };
  if (result.Status === 'Time limit reached') {
    const found = Object.keys(result.Columns).length > 0 && Number.isFinite(result.ObjectiveValue);
    return { status: 'stopped', values: found ? values() : null, message: 'time limit reached' };
  }
  return { status: 'failed', message: `HiGHS ended with status "${result.Status}"` };
};
