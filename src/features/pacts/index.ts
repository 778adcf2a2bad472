/**
 * The pacts feature's public surface: the only file other features import (docs/architecture.md,
 * "Features are modules"). The web app imports `pacts.contract.ts` and `pacts.schema.ts` instead.
 */

export { createPact } from './drafting/pacts.service.ts';
export { lockRace, vetoRace } from './drafting/rules.service.ts';
export { loadFrance2024Pact } from './france-2024.pact.ts';
export { pactsDemoStep } from './pacts.demo.ts';
export { versionLabelsSchema } from './pacts.schema.ts';
export { findAssignments } from './public/public.repository.ts';
export { ratifiedPacts } from './public/public.service.ts';
export { sendToRatification } from './ratification/ratification.service.ts';
export { getPactView, listPactViews } from './read.service.ts';
export { runEngine } from './runs/run-engine.ts';
export { RunExecutor } from './runs/run-executor.ts';
export { solveWithHighs } from './runs/run-solver.ts';
export { completeRun, requestRun } from './runs/runs.service.ts';
export { getVersion } from './versions/versions.service.ts';
