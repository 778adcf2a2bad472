import type { MilpSolution, MilpSolver } from '../../../core/allocate/index.ts';
import { highs } from './highs.ts';

/** Seconds HiGHS may spend before the exact mode gives up (the pact sizes it targets take far less). */
const timeLimitSeconds = 120;

/**
 * The MILP solver the engine's exact mode is given: HiGHS on an LP-format model. Only a proven
 * optimum counts as a solution; a time limit or a numerical failure is reported as a failure.
 */
export const solveWithHighs: MilpSolver = async (lp: string): Promise<MilpSolution> => {
  const solver = await highs();
  const result = solver.solve(lp, {
    output_flag: false,
    mip_rel_gap: 1e-9,
    mip_abs_gap: 1e-12,
    time_limit: timeLimitSeconds,
  });
  if (result.Status === 'Optimal') {
    const values: Record<string, number> = {};
    for (const [name, column] of Object.entries(result.Columns)) values[name] = column.Primal ?? 0;
    return { status: 'optimal', values };
  }
  if (result.Status === 'Infeasible') return { status: 'infeasible' };
  return { status: 'failed', message: `HiGHS ended with status "${result.Status}"` };
};
