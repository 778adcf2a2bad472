import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { castBallot } from './ballots.service.ts';
import { closeDecision } from './close.service.ts';
import { createDecision } from './create.service.ts';
import {
  ballotInputSchema,
  castResponseSchema,
  createDecisionSchema,
  decisionSchema,
  decisionSummarySchema,
  decisionsQuerySchema,
  publishedBallotSchema,
  publishedBallotsSchema,
} from './decisions.schema.ts';
import {
  findPublishedBallot,
  getDecisionView,
  listDecisionViews,
  listPublishedBallots,
} from './read.service.ts';
import { receiptPattern } from './receipt.ts';

const tags = ['decisions'];
const idParams = z.object({ id: z.uuid() });
const errors = { ...commonErrorResponses, 409: errorResponseSchema };
const writeErrors = { ...errors, 422: errorResponseSchema };

export const registerDecisionRoutes: RoutesPlugin = async (app) => {
  // Reads run in a transaction too: a decision whose window has passed is closed on the way.
  const tx = () => app.db.transaction();

  app.get(
    '/api/decisions',
    {
      schema: {
        tags,
        summary: "The coalition's decisions, latest closing first",
        querystring: decisionsQuerySchema,
        response: { 200: z.object({ decisions: z.array(decisionSummarySchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { decisions: await tx().execute((trx) => listDecisionViews(trx, actor, request.query)) };
    },
  );

  app.post(
    '/api/decisions',
    {
      schema: {
        tags,
        summary:
          'Put a decision to the vote (staff). An admission that fails the rules answers 422 with the failures.',
        body: createDecisionSchema,
        response: { 201: decisionSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const decision = await tx().execute((trx) => createDecision(trx, actor, request.body));
      return reply.status(201).send(decision);
    },
  );

  app.get(
    '/api/decisions/:id',
    {
      schema: {
        tags,
        summary: 'One decision: rules, roll, participation, your own ballot, and the result once closed',
        params: idParams,
        response: { 200: decisionSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx().execute((trx) => getDecisionView(trx, actor, request.params.id));
    },
  );

  app.put(
    '/api/decisions/:id/ballots/:organizationId',
    {
      schema: {
        tags,
        summary:
          "Cast or change the organization's ballot (its delegate): {choice} or a {split} in thousandths",
        params: idParams.extend({ organizationId: z.uuid() }),
        body: ballotInputSchema,
        response: { 200: castResponseSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, organizationId } = request.params;
      return tx().execute((trx) => castBallot(trx, actor, id, organizationId, request.body));
    },
  );

  app.get(
    '/api/decisions/:id/ballots',
    {
      schema: {
        tags,
        summary:
          'The published ballots of a closed decision, by receipt (organizations shown for open ballots only)',
        params: idParams,
        response: { 200: publishedBallotsSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx().execute((trx) => listPublishedBallots(trx, actor, request.params.id));
    },
  );

  app.get(
    '/api/decisions/:id/receipts/:receipt',
    {
      schema: {
        tags,
        summary: 'Find one ballot in the published list by its receipt code',
        params: idParams.extend({ receipt: z.string().toUpperCase().regex(receiptPattern) }),
        response: { 200: publishedBallotSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, receipt } = request.params;
      return tx().execute((trx) => findPublishedBallot(trx, actor, id, receipt));
    },
  );

  app.post(
    '/api/decisions/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the decision now and compute its result (staff)',
        params: idParams,
        response: { 200: decisionSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx().execute(async (trx) => {
        await closeDecision(trx, actor, request.params.id);
        return getDecisionView(trx, actor, request.params.id);
      });
    },
  );
};
