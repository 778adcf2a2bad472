import { z } from 'zod';
import { requireActor } from '../../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../../http/error-schema.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { approveOverlap, declineOverlap, listOverlapRuns, requestOverlap } from './overlap.service.ts';

const tags = ['supporters'];
const memberRef = z.object({ id: z.uuid(), name: z.string() });
export const overlapRunSchema = z.object({
  id: z.uuid(),
  requester: memberRef,
  partner: memberRef,
  status: z.enum(['requested', 'declined', 'completed']),
  awaitingYou: z.boolean(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  sharedCount: z.union([z.number().int(), z.literal('<10')]).nullable(),
});
const writeErrors = { ...commonErrorResponses, 409: errorResponseSchema };
const params = z.object({ id: z.uuid() });

export const registerOverlapRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();
  app.get(
    '/api/people/overlaps',
    {
      schema: {
        tags,
        summary: 'Overlap runs your member requested or was asked for',
        response: { 200: z.object({ runs: z.array(overlapRunSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({ runs: await listOverlapRuns(app.db, requireActor(request)) }),
  );
  app.post(
    '/api/people/overlaps',
    {
      schema: {
        tags,
        summary: 'Ask another member to count the supporters you share (a delegate; they must approve)',
        body: z.object({ partnerId: z.uuid() }),
        response: { 201: overlapRunSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply
        .status(201)
        .send(await tx.execute((trx) => requestOverlap(trx, actor, request.body.partnerId)));
    },
  );
  app.post(
    '/api/people/overlaps/:id/approval',
    {
      schema: {
        tags,
        summary:
          'Approve a run: both sides blind their identifiers, the server relays, each learns only the count',
        params,
        response: { 200: overlapRunSchema, ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => approveOverlap(trx, actor, request.params.id));
    },
  );
  app.post(
    '/api/people/overlaps/:id/decline',
    {
      schema: { tags, summary: 'Decline a run', params, response: { 200: overlapRunSchema, ...writeErrors } },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => declineOverlap(trx, actor, request.params.id));
    },
  );
};
