/**
 * The decisions feature's public surface: the only file other features import (docs/architecture.md,
 * "Features are modules"). The web app imports `decisions.contract.ts` and `decisions.schema.ts` instead.
 */

export { type AwaitedDecision, listAwaitedDecisions } from './awaiting.service.ts';
export { castBallot } from './ballots.service.ts';
export { closeAllDueDecisions, closeDecision } from './close.service.ts';
export { decisionCloseQueue, scheduleDecisionCloses } from './close-job.ts';
export { createDecision } from './create.service.ts';
export { decisionsDemoStep } from './decisions.demo.ts';
export { findNextDeadline } from './decisions.repository.ts';
export { createDecisionSchema } from './decisions.schema.ts';
export { readDecisionOutcomes } from './outcomes.service.ts';
export { getDecisionView, listDecisionViews } from './read.service.ts';
