/**
 * The tickets feature's public surface (docs/architecture.md, "Features are modules"): candidates,
 * nominations and ballot lines, the national split ticket, pact compliance and the public slate.
 */

export { findCandidateRef } from './candidate-ref.ts';
export { listCandidateViews } from './candidates.service.ts';
export { ticketsDemoStep } from './tickets.demo.ts';
