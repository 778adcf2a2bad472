/** What the tickets CLI loads when a command runs (not when `concord` starts). */
export { pageLimitSchema } from '../../contract/cursor.ts';
export {
  addLine,
  endorseCandidate,
  getCandidate,
  listCandidatePage,
  listCandidateViews,
  proposeCandidate,
  recordRefusal,
  transitionCandidate,
} from './candidates.service.ts';
export { listAlerts, openDispute, resolveDispute } from './disputes.service.ts';
export { listNationalTicketViews, proposeNationalTicket, settleOverride } from './national.service.ts';
export { importResults, pactResultsReport } from './results.service.ts';
export { getTicketSettings, updateTicketSettings } from './settings.service.ts';
export {
  candidateFilterSchema,
  candidateListQuerySchema,
  lineInputSchema,
  nationalTicketInputSchema,
  proposeCandidateSchema,
  settingsPatchSchema,
  transitionSchema,
} from './tickets.schema.ts';
