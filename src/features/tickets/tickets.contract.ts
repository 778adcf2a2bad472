/** The tickets API, one contract per endpoint (docs/architecture.md, "One contract per endpoint"). */
import { z } from 'zod';
import { nextCursorSchema } from '../../contract/cursor.ts';
import { endpointsOf } from '../../contract/endpoint.ts';
import { type CodeOf, defineErrors, roleErrors } from '../../contract/errors.ts';
import {
  alertSchema,
  candidateListQuerySchema,
  candidateViewSchema,
  checkSchema,
  historyEventSchema,
  lineInputSchema,
  nationalTicketInputSchema,
  nationalTicketViewSchema,
  proposeCandidateSchema,
  raceSearchPageSchema,
  raceSearchQuerySchema,
  recordFactsSchema,
  resultsImportReportSchema,
  resultsImportSchema,
  resultsReportSchema,
  ruleCheckSchema,
  settingsPatchSchema,
  settingsSchema,
  transitionSchema,
} from './tickets.schema.ts';

/**
 * The fusion refusals (src/core/tickets/fusion.ts `FusionProblem`): a nomination whose lines break
 * the state's ballot law answers 422 with the first problem's code, the state and the rule.
 */
const fusionErrors = defineErrors({
  'fusion.not_allowed': 'unprocessable',
  'fusion.write_in_fact_required': 'unprocessable',
  'fusion.limited_condition_unmet': 'unprocessable',
  'fusion.ruling_required': 'unprocessable',
  'fusion.ruled_out': 'unprocessable',
  'fusion.too_many_nominations': 'unprocessable',
  'fusion.wilson_pakula_missing': 'unprocessable',
  'fusion.state_unknown': 'unprocessable',
  'fusion.not_allowed_by_coalition': 'unprocessable',
});
const fusionCodes = Object.keys(fusionErrors) as CodeOf<typeof fusionErrors>[];

/** Every code the tickets feature answers, with its kind: its own and those of what it calls. */
export const ticketErrors = defineErrors({
  ...roleErrors,
  ...fusionErrors,
  'candidate.closed': 'conflict',
  'candidate.endorsement_pending': 'conflict',
  'candidate.endorsement_rejected': 'conflict',
  'candidate.member_inactive': 'conflict',
  'candidate.member_required': 'invalid',
  'candidate.not_found': 'not_found',
  'candidate.not_your_member': 'forbidden',
  'candidate.reason_required': 'invalid',
  'candidate.transition_invalid': 'conflict',
  'coalition.not_found': 'not_found',
  'csv.malformed': 'invalid',
  'csv.missing_columns': 'invalid',
  'decision.not_found': 'not_found',
  'decision.window_invalid': 'invalid',
  'decision.window_too_long': 'invalid',
  'dispute.already_open': 'conflict',
  'dispute.none': 'conflict',
  'dispute.not_dissident': 'conflict',
  'dispute.pending': 'conflict',
  'dispute.resolved': 'conflict',
  'dispute.undecided': 'conflict',
  'line.coalition_not_recognised': 'unprocessable',
  'line.duplicate': ['invalid', 'conflict'],
  'line.not_found': 'not_found',
  'line.not_yours': 'forbidden',
  'map.jurisdiction_not_found': 'not_found',
  'organization.not_found': 'not_found',
  'race.not_found': 'not_found',
  'results.invalid_rows': 'invalid',
  'ticket.cycle_taken': 'conflict',
  'ticket.not_found': 'not_found',
  'ticket.not_pending': 'conflict',
  'ticket.override_pending': 'conflict',
  'ticket.split_rule': 'unprocessable',
});
export type TicketErrorCode = CodeOf<typeof ticketErrors>;

const endpoint = endpointsOf('tickets', ticketErrors);
const idParams = z.object({ id: z.uuid() });
const lineParams = z.object({ id: z.uuid(), lineId: z.uuid() });
const decisionWindow = z.object({ closesAt: z.iso.datetime({ offset: true }).optional() });

/** The member a write acts for (candidates.service.ts `actingMember`). */
const actingMemberErrors = [
  'auth.forbidden',
  'candidate.member_required',
  'candidate.not_your_member',
  'organization.not_found',
  'candidate.member_inactive',
] as const;
/** The candidate a write touches (candidates.service.ts `candidateForWrite`). */
const candidateWriteErrors = ['candidate.not_found', 'auth.forbidden', 'candidate.not_your_member'] as const;
/** A line as stored (candidates.service.ts `resolveLine`): the coalition line is staff's and needs recognition. */
const lineErrors = [...actingMemberErrors, 'line.coalition_not_recognised', 'line.duplicate'] as const;
/** Opening a decision with the caller's `closesAt` (decisions' createDecision). */
const decisionWindowErrors = ['decision.window_invalid', 'decision.window_too_long'] as const;

export const ticketsContract = {
  candidates: endpoint({
    method: 'GET',
    path: '/api/candidates',
    auth: 'session',
    summary:
      'The coalition’s candidates, with their lines, rule checks and dissident flags, a page at a time',
    description:
      'Oldest first, in keyset pages: `limit` (default 100, at most 500) candidates that pass the filters, and `nextCursor` to pass back as `cursor` with the same filters for the next page (null on the last). A cursor that is not one this list gave is a 400.',
    query: candidateListQuerySchema,
    response: z.object({ candidates: z.array(candidateViewSchema), nextCursor: nextCursorSchema }),
  }),
  propose: endpoint({
    method: 'POST',
    path: '/api/candidates',
    auth: 'session',
    summary: 'Propose a candidate for a map race (a delegate for its own member; staff for any)',
    description:
      'Lines default to the member’s own party line. Two party lines where the state bars fusion: 422 `fusion.not_allowed` naming the state and the rule, `details.offer: "endorsement"`. NH: 422 `fusion.write_in_fact_required`; DC, ID, SD: 422 `fusion.ruling_required`; OR: more than three nominations 422 `fusion.too_many_nominations`; NY: a non-member line without Wilson-Pakula 422 `fusion.wilson_pakula_missing`. A candidacy against a ratified pact is created and flagged dissident.',
    body: proposeCandidateSchema,
    response: candidateViewSchema,
    status: 201,
    errors: [...lineErrors, 'race.not_found', ...fusionCodes],
  }),
  races: endpoint({
    method: 'GET',
    path: '/api/candidates/races',
    auth: 'session',
    summary: 'Search the coalition’s own races a candidate can be proposed for, with their state',
    description:
      '`q` matches part of the race name, its office or its place name; `state` (two letters) keeps the races in that state. In name order, keyset pages: `limit` (default 20, at most 500) rows, and `nextCursor` to pass back as `cursor` for the next page (null on the last). A cursor that is not one this search gave is a 400.',
    query: raceSearchQuerySchema,
    response: raceSearchPageSchema,
  }),
  check: endpoint({
    method: 'POST',
    path: '/api/candidates/check',
    auth: 'session',
    summary: 'The ticket builder’s live check: fusion by state law and the ratified pacts, nothing stored',
    body: checkSchema,
    response: ruleCheckSchema,
    errors: ['race.not_found', 'candidate.member_required'],
  }),
  candidate: endpoint({
    method: 'GET',
    path: '/api/candidates/:id',
    auth: 'session',
    summary: 'One candidate',
    params: idParams,
    response: candidateViewSchema,
    errors: ['candidate.not_found'],
  }),
  addLine: endpoint({
    method: 'POST',
    path: '/api/candidates/:id/lines',
    auth: 'session',
    summary: 'Add a line: the member’s own (a joint ticket), an endorsement, or the coalition’s (staff)',
    description:
      'A refused line (a fusion rule, or the coalition line where the coalition is not recognised) is recorded on the candidate’s history as `candidate.fusion_refused` before the error is answered.',
    params: idParams,
    body: lineInputSchema,
    response: candidateViewSchema,
    errors: [...candidateWriteErrors, ...lineErrors, 'candidate.closed', 'race.not_found', ...fusionCodes],
  }),
  history: endpoint({
    method: 'GET',
    path: '/api/candidates/:id/history',
    auth: 'session',
    summary: 'The candidate’s audit trail: transitions, lines, dissident flags, refused fusion attempts',
    params: idParams,
    response: z.array(historyEventSchema),
    errors: ['candidate.not_found'],
  }),
  removeLine: endpoint({
    method: 'DELETE',
    path: '/api/candidates/:id/lines/:lineId',
    auth: 'session',
    summary: 'Remove a line (its member’s delegate, or staff)',
    params: lineParams,
    response: candidateViewSchema,
    errors: [...candidateWriteErrors, 'line.not_found', 'line.not_yours', 'candidate.closed'],
  }),
  wilsonPakula: endpoint({
    method: 'PUT',
    path: '/api/candidates/:id/lines/:lineId/wilson-pakula',
    auth: 'session',
    summary: 'Record (or withdraw) a line’s Wilson-Pakula authorization',
    params: lineParams,
    body: z.object({ authorized: z.boolean() }),
    response: candidateViewSchema,
    errors: [...candidateWriteErrors, 'line.not_found', 'line.not_yours'],
  }),
  facts: endpoint({
    method: 'PUT',
    path: '/api/candidates/:id/facts',
    auth: 'session',
    summary: 'Record NH’s write-in primary fact (the member) or a manual fusion ruling (staff)',
    params: idParams,
    body: recordFactsSchema,
    response: candidateViewSchema,
    errors: candidateWriteErrors,
  }),
  endorse: endpoint({
    method: 'POST',
    path: '/api/candidates/:id/endorsement',
    auth: 'session',
    summary:
      'Endorse (staff): directly, or through a decision when the settings say so (call again once it passed)',
    params: idParams,
    body: decisionWindow.optional(),
    response: candidateViewSchema,
    errors: [
      ...candidateWriteErrors,
      'candidate.transition_invalid',
      'candidate.endorsement_pending',
      'candidate.endorsement_rejected',
      ...decisionWindowErrors,
      ...fusionCodes,
    ],
  }),
  transition: endpoint({
    method: 'POST',
    path: '/api/candidates/:id/transitions',
    auth: 'session',
    summary:
      'file (the member or staff), certify (on the ballot), reject with a reason (withdrawn: the member too), elect, defeat',
    params: idParams,
    body: transitionSchema,
    response: candidateViewSchema,
    errors: [...candidateWriteErrors, 'candidate.reason_required', 'candidate.transition_invalid'],
  }),
  openDispute: endpoint({
    method: 'POST',
    path: '/api/candidates/:id/dispute',
    auth: 'session',
    summary: 'Open a compliance dispute on a dissident candidacy (staff): a ranked decision on the remedy',
    params: idParams,
    body: decisionWindow.optional(),
    response: candidateViewSchema,
    errors: [
      'auth.forbidden',
      'candidate.not_found',
      'dispute.not_dissident',
      'dispute.already_open',
      ...decisionWindowErrors,
    ],
  }),
  resolveDispute: endpoint({
    method: 'POST',
    path: '/api/candidates/:id/dispute/resolution',
    auth: 'session',
    summary: 'Carry out the decided dispute and record it (staff)',
    params: idParams,
    response: candidateViewSchema,
    errors: [
      'auth.forbidden',
      'candidate.not_found',
      'dispute.none',
      'dispute.resolved',
      'dispute.pending',
      'dispute.undecided',
      'decision.not_found',
      'candidate.transition_invalid',
    ],
  }),
  alerts: endpoint({
    method: 'GET',
    path: '/api/compliance/alerts',
    auth: 'session',
    summary: 'Dissident candidacies and open disputes',
    response: z.array(alertSchema),
  }),
  settings: endpoint({
    method: 'GET',
    path: '/api/tickets/settings',
    auth: 'session',
    summary: 'Nomination settings',
    response: settingsSchema,
  }),
  updateSettings: endpoint({
    method: 'PATCH',
    path: '/api/tickets/settings',
    auth: 'session',
    summary:
      'Who endorses, the split-ticket rule, lines outside the US, states where the coalition has a line (staff)',
    body: settingsPatchSchema,
    response: settingsSchema,
    errors: ['auth.forbidden'],
  }),
  nationalTickets: endpoint({
    method: 'GET',
    path: '/api/tickets/national',
    auth: 'session',
    summary: 'National two-seat tickets by cycle',
    response: z.array(nationalTicketViewSchema),
  }),
  proposeNational: endpoint({
    method: 'POST',
    path: '/api/tickets/national',
    auth: 'session',
    summary:
      'Set a cycle’s national ticket (staff); the split rule refuses with 422 `ticket.split_rule` unless requestOverride',
    body: nationalTicketInputSchema,
    response: nationalTicketViewSchema,
    status: 201,
    errors: [
      'auth.forbidden',
      'organization.not_found',
      'ticket.split_rule',
      'ticket.cycle_taken',
      ...decisionWindowErrors,
    ],
  }),
  settleOverride: endpoint({
    method: 'POST',
    path: '/api/tickets/national/:id/override',
    auth: 'session',
    summary: 'Settle a pending override once its decision closed: passed stands, failed is refused (staff)',
    params: idParams,
    response: nationalTicketViewSchema,
    errors: ['auth.forbidden', 'ticket.not_found', 'ticket.not_pending', 'ticket.override_pending'],
  }),
  importResults: endpoint({
    method: 'POST',
    path: '/api/results/import',
    auth: 'session',
    summary:
      'Import results per race and line (CSV: election,jurisdiction,office,candidate,line,votes), all or nothing',
    description:
      'Bad rows: 400 `results.invalid_rows` with `details.errors[]` (row, field, message); nothing changes. `dryRun` checks and reports without saving.',
    body: resultsImportSchema,
    response: resultsImportReportSchema,
    errors: [
      'auth.forbidden',
      'csv.malformed',
      'csv.missing_columns',
      'results.invalid_rows',
      'candidate.transition_invalid',
    ],
  }),
  resultsReport: endpoint({
    method: 'GET',
    path: '/api/results/report',
    auth: 'session',
    summary:
      'Per ratified pact: wins per member against expected wins, losses a dissident or a missing cross-endorsement cost; line retention',
    response: resultsReportSchema,
  }),
};
