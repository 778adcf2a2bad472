/**
 * One engine run with progress, the same inline or in the worker thread: the heuristic, or the
 * exact MILP (HiGHS) with the heuristic's gap. Failures travel as plain data (a worker cannot
 * send an Error class across), and become DomainErrors again on the other side.
 */
import {
  type AllocationReport,
  allocate,
  allocateExactly,
  type EnginePhase,
  type PactInput,
} from '../../../core/allocate/index.ts';
import { DomainError, type ErrorKind } from '../../../core/errors.ts';
import type { PactRunPhase } from '../../../db/tables/pacts.ts';
import { roundReport } from '../cli/allocate.format.ts';
import { solveWithHighs } from './run-solver.ts';

export type EngineMode = 'heuristic' | 'exact';

export interface EngineProgress {
  phase: PactRunPhase;
  /** Weighted by the phases done: neither the heuristic nor HiGHS report progress within a phase. */
  percent: number;
}

/** Where each phase starts, in percent of a run; exact runs spend most of their time in HiGHS. */
const phaseStart: Record<EngineMode, Record<EnginePhase, number>> = {
  heuristic: { heuristic: 10, exact: 10, checking: 80 },
  exact: { heuristic: 10, exact: 25, checking: 90 },
};

export async function runEngine(
  input: PactInput,
  mode: EngineMode,
  onProgress: (progress: EngineProgress) => void,
): Promise<AllocationReport> {
  onProgress({ phase: 'preparing', percent: 0 });
  const onPhase = (phase: EnginePhase) => onProgress({ phase, percent: phaseStart[mode][phase] });
  const report =
    mode === 'exact'
      ? await allocateExactly(input, solveWithHighs, { onPhase })
      : allocate(input, { onPhase });
  return roundReport(report);
}

export interface EngineFailure {
  kind: ErrorKind | null;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

export function toFailure(error: unknown): EngineFailure {
  if (error instanceof DomainError) {
    return {
      kind: error.kind,
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    };
  }
  return {
    kind: null,
    code: 'pact.engine_failed',
    message: `The engine failed: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** Expected refusals (an infeasible pact) stay DomainErrors; anything else is a plain Error. */
export function fromFailure(failure: EngineFailure): Error {
  if (failure.kind === null) return new Error(failure.message);
  return new DomainError(
    failure.kind,
    failure.code as `${string}.${string}`,
    failure.message,
    failure.details,
  );
}

/** Messages between the pool and its worker. */
export type EngineRequest = { jobId: number; input: PactInput; mode: EngineMode };
export type EngineMessage =
  | ({ type: 'progress'; jobId: number } & EngineProgress)
  | { type: 'done'; jobId: number; report: AllocationReport }
  | { type: 'failed'; jobId: number; failure: EngineFailure };
