import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { segmentFilterSchema } from './segment-filter.ts';
import { createSegment, deleteSegment, getSegment, listSegments } from './segments.service.ts';

const tags = ['supporters'];
const segmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  filter: segmentFilterSchema,
  count: z.number().int().describe('Live: counted at this request'),
  createdAt: z.string(),
});
const writeErrors = { ...commonErrorResponses, 409: errorResponseSchema };

export const registerSegmentRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();
  app.get(
    '/api/people/segments',
    {
      schema: {
        tags,
        summary: 'Your saved segments with live counts',
        response: { 200: z.object({ segments: z.array(segmentSchema) }), ...commonErrorResponses },
      },
    },
    async (request) => ({ segments: await listSegments(app.db, requireActor(request)) }),
  );
  app.post(
    '/api/people/segments',
    {
      schema: {
        tags,
        summary: 'Save a segment: a filter on tags, counties, activity, consent and stage',
        body: z.object({ name: z.string().trim().min(1).max(120), filter: segmentFilterSchema }),
        response: { 201: segmentSchema, ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return reply.status(201).send(await tx.execute((trx) => createSegment(trx, actor, request.body)));
    },
  );
  app.get(
    '/api/people/segments/:id',
    {
      schema: {
        tags,
        summary: 'One segment with its live count',
        params: z.object({ id: z.uuid() }),
        response: { 200: segmentSchema, ...commonErrorResponses },
      },
    },
    async (request) => getSegment(app.db, requireActor(request), request.params.id),
  );
  app.delete(
    '/api/people/segments/:id',
    {
      schema: {
        tags,
        summary: 'Delete a segment',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...writeErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await tx.execute((trx) => deleteSegment(trx, actor, request.params.id));
      return reply.status(204).send(null);
    },
  );
};
