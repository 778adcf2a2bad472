/**
 * The pacts feature's public surface: the only file other features import (docs/architecture.md,
 * "Features are modules"). The web app imports `pacts.contract.ts` and `pacts.schema.ts` instead.
 */
export { solveWithHighs } from './allocation.solver.ts';
export { loadFrance2024Pact } from './france-2024.pact.ts';
export { pactsDemoStep } from './pacts.demo.ts';
export { listPactViews } from './read.service.ts';
export { getVersion } from './versions.service.ts';
