import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import {
  addLine,
  candidateHistory,
  checkNomination,
  endorseCandidate,
  getCandidate,
  listCandidateViews,
  listNominationRaces,
  proposeCandidate,
  recordFacts,
  recordRefusal,
  recordWilsonPakula,
  removeLine,
  transitionCandidate,
} from './candidates.service.ts';
import { listAlerts, openDispute, resolveDispute } from './disputes.service.ts';
import { inTransactionMaybeDry } from './dry-run.ts';
import { listNationalTicketViews, proposeNationalTicket, settleOverride } from './national.service.ts';
import { importResults, pactResultsReport } from './results.service.ts';
import { getTicketSettings, updateTicketSettings } from './settings.service.ts';
import {
  alertSchema,
  candidateFilterSchema,
  candidateViewSchema,
  checkSchema,
  lineInputSchema,
  nationalTicketInputSchema,
  nationalTicketViewSchema,
  proposeCandidateSchema,
  raceRefSchema,
  recordFactsSchema,
  resultsImportReportSchema,
  resultsImportSchema,
  ruleCheckSchema,
  settingsPatchSchema,
  settingsSchema,
  transitionSchema,
} from './tickets.schema.ts';

const tags = ['tickets'];
const errors = { ...commonErrorResponses, 409: errorResponseSchema, 422: errorResponseSchema };
const idParams = z.object({ id: z.uuid() });
const lineParams = z.object({ id: z.uuid(), lineId: z.uuid() });
const decisionWindow = z.object({ closesAt: z.iso.datetime({ offset: true }).optional() });

/** Candidates, ballot lines, national tickets, compliance, results: docs/tickets.md. */
export const registerTicketRoutes: RoutesPlugin = async (app) => {
  const tx = <T>(work: (trx: typeof app.db) => Promise<T>) => app.db.transaction().execute(work);

  app.get(
    '/api/candidates',
    {
      schema: {
        tags,
        summary: 'The coalition’s candidates, with their lines, rule checks and dissident flags',
        querystring: candidateFilterSchema,
        response: { 200: z.array(candidateViewSchema), ...errors },
      },
    },
    async (request) => tx((trx) => listCandidateViews(trx, requireActor(request), request.query)),
  );

  app.post(
    '/api/candidates',
    {
      schema: {
        tags,
        summary: 'Propose a candidate for a map race (a delegate for its own member; staff for any)',
        description:
          'Lines default to the member’s own party line. Two party lines where the state bars fusion: 422 `fusion.not_allowed` naming the state and the rule, `details.offer: "endorsement"`. NH: 422 `fusion.write_in_fact_required`; DC, ID, SD: 422 `fusion.ruling_required`; OR: more than three nominations 422 `fusion.too_many_nominations`; NY: a non-member line without Wilson-Pakula 422 `fusion.wilson_pakula_missing`. A candidacy against a ratified pact is created and flagged dissident.',
        body: proposeCandidateSchema,
        response: { 201: candidateViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      reply.code(201);
      return tx((trx) => proposeCandidate(trx, actor, request.body));
    },
  );

  app.get(
    '/api/candidates/races',
    {
      schema: {
        tags,
        summary: 'The coalition’s own races a candidate can be proposed for, with their state',
        response: { 200: z.array(raceRefSchema), ...errors },
      },
    },
    async (request) => tx((trx) => listNominationRaces(trx, requireActor(request))),
  );

  app.post(
    '/api/candidates/check',
    {
      schema: {
        tags,
        summary:
          'The ticket builder’s live check: fusion by state law and the ratified pacts, nothing stored',
        body: checkSchema,
        response: { 200: ruleCheckSchema, ...errors },
      },
    },
    async (request) => tx((trx) => checkNomination(trx, requireActor(request), request.body)),
  );

  app.get(
    '/api/candidates/:id',
    {
      schema: {
        tags,
        summary: 'One candidate',
        params: idParams,
        response: { 200: candidateViewSchema, ...errors },
      },
    },
    async (request) => tx((trx) => getCandidate(trx, requireActor(request), request.params.id)),
  );

  app.post(
    '/api/candidates/:id/lines',
    {
      schema: {
        tags,
        summary: 'Add a line: the member’s own (a joint ticket), an endorsement, or the coalition’s (staff)',
        params: idParams,
        body: lineInputSchema,
        response: { 200: candidateViewSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      try {
        return await tx((trx) => addLine(trx, actor, request.params.id, request.body));
      } catch (error) {
        // The refusal itself is kept on the candidate's record (its own transaction: the attempt's rolled back).
        if (error instanceof DomainError)
          await tx((trx) => recordRefusal(trx, actor, request.params.id, error, request.body));
        throw error;
      }
    },
  );

  app.get(
    '/api/candidates/:id/history',
    {
      schema: {
        tags,
        summary: 'The candidate’s audit trail: transitions, lines, dissident flags, refused fusion attempts',
        params: idParams,
        response: {
          200: z.array(
            z.object({ seq: z.number(), at: z.string(), action: z.string(), message: z.string().nullable() }),
          ),
          ...errors,
        },
      },
    },
    async (request) => tx((trx) => candidateHistory(trx, requireActor(request), request.params.id)),
  );

  app.delete(
    '/api/candidates/:id/lines/:lineId',
    {
      schema: {
        tags,
        summary: 'Remove a line (its member’s delegate, or staff)',
        params: lineParams,
        response: { 200: candidateViewSchema, ...errors },
      },
    },
    async (request) =>
      tx((trx) => removeLine(trx, requireActor(request), request.params.id, request.params.lineId)),
  );

  app.put(
    '/api/candidates/:id/lines/:lineId/wilson-pakula',
    {
      schema: {
        tags,
        summary: 'Record (or withdraw) a line’s Wilson-Pakula authorization',
        params: lineParams,
        body: z.object({ authorized: z.boolean() }),
        response: { 200: candidateViewSchema, ...errors },
      },
    },
    async (request) =>
      tx((trx) =>
        recordWilsonPakula(
          trx,
          requireActor(request),
          request.params.id,
          request.params.lineId,
          request.body.authorized,
        ),
      ),
  );

  app.put(
    '/api/candidates/:id/facts',
    {
      schema: {
        tags,
        summary: 'Record NH’s write-in primary fact (the member) or a manual fusion ruling (staff)',
        params: idParams,
        body: recordFactsSchema,
        response: { 200: candidateViewSchema, ...errors },
      },
    },
    async (request) => tx((trx) => recordFacts(trx, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/candidates/:id/endorsement',
    {
      schema: {
        tags,
        summary:
          'Endorse (staff): directly, or through a decision when the settings say so (call again once it passed)',
        params: idParams,
        body: decisionWindow.optional(),
        response: { 200: candidateViewSchema, ...errors },
      },
    },
    async (request) =>
      tx((trx) =>
        endorseCandidate(
          trx,
          requireActor(request),
          request.params.id,
          request.body?.closesAt ? { closesAt: request.body.closesAt } : {},
        ),
      ),
  );

  app.post(
    '/api/candidates/:id/transitions',
    {
      schema: {
        tags,
        summary:
          'file (the member or staff), certify (on the ballot), reject with a reason (withdrawn: the member too), elect, defeat',
        params: idParams,
        body: transitionSchema,
        response: { 200: candidateViewSchema, ...errors },
      },
    },
    async (request) =>
      tx((trx) => transitionCandidate(trx, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/candidates/:id/dispute',
    {
      schema: {
        tags,
        summary:
          'Open a compliance dispute on a dissident candidacy (staff): a ranked decision on the remedy',
        params: idParams,
        body: decisionWindow.optional(),
        response: { 200: candidateViewSchema, ...errors },
      },
    },
    async (request) =>
      tx((trx) =>
        openDispute(
          trx,
          requireActor(request),
          request.params.id,
          request.body?.closesAt ? { closesAt: request.body.closesAt } : {},
        ),
      ),
  );

  app.post(
    '/api/candidates/:id/dispute/resolution',
    {
      schema: {
        tags,
        summary: 'Carry out the decided dispute and record it (staff)',
        params: idParams,
        response: { 200: candidateViewSchema, ...errors },
      },
    },
    async (request) => tx((trx) => resolveDispute(trx, requireActor(request), request.params.id)),
  );

  app.get(
    '/api/compliance/alerts',
    {
      schema: {
        tags,
        summary: 'Dissident candidacies and open disputes',
        response: { 200: z.array(alertSchema), ...errors },
      },
    },
    async (request) => tx((trx) => listAlerts(trx, requireActor(request))),
  );

  app.get(
    '/api/tickets/settings',
    { schema: { tags, summary: 'Nomination settings', response: { 200: settingsSchema, ...errors } } },
    async (request) => getTicketSettings(app.db, requireActor(request).coalitionId),
  );

  app.patch(
    '/api/tickets/settings',
    {
      schema: {
        tags,
        summary:
          'Who endorses, the split-ticket rule, lines outside the US, states where the coalition has a line (staff)',
        body: settingsPatchSchema,
        response: { 200: settingsSchema, ...errors },
      },
    },
    async (request) => tx((trx) => updateTicketSettings(trx, requireActor(request), request.body)),
  );

  app.get(
    '/api/tickets/national',
    {
      schema: {
        tags,
        summary: 'National two-seat tickets by cycle',
        response: { 200: z.array(nationalTicketViewSchema), ...errors },
      },
    },
    async (request) => tx((trx) => listNationalTicketViews(trx, requireActor(request))),
  );

  app.post(
    '/api/tickets/national',
    {
      schema: {
        tags,
        summary:
          'Set a cycle’s national ticket (staff); the split rule refuses with 422 `ticket.split_rule` unless requestOverride',
        body: nationalTicketInputSchema,
        response: { 201: nationalTicketViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      reply.code(201);
      return tx((trx) => proposeNationalTicket(trx, actor, request.body));
    },
  );

  app.post(
    '/api/tickets/national/:id/override',
    {
      schema: {
        tags,
        summary:
          'Settle a pending override once its decision closed: passed stands, failed is refused (staff)',
        params: idParams,
        response: { 200: nationalTicketViewSchema, ...errors },
      },
    },
    async (request) => tx((trx) => settleOverride(trx, requireActor(request), request.params.id)),
  );

  app.post(
    '/api/results/import',
    {
      schema: {
        tags,
        summary:
          'Import results per race and line (CSV: election,jurisdiction,office,candidate,line,votes), all or nothing',
        description:
          'Bad rows: 400 `results.invalid_rows` with `details.errors[]` (row, field, message); nothing changes. `dryRun` checks and reports without saving.',
        body: resultsImportSchema,
        response: { 200: resultsImportReportSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return inTransactionMaybeDry(app.db, request.body.dryRun, (trx) =>
        importResults(trx, actor, request.body),
      );
    },
  );

  app.get(
    '/api/results/report',
    {
      schema: {
        tags,
        summary:
          'Per ratified pact: wins per member against expected wins, losses a dissident or a missing cross-endorsement cost; line retention',
        response: { 200: z.any(), ...errors },
      },
    },
    async (request) => tx((trx) => pactResultsReport(trx, requireActor(request))),
  );
};
