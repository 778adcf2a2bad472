import { z } from 'zod';
import { requireActor } from '../../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../../http/error-schema.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { personSchema } from '../supporters.schema.ts';
import { findDuplicates, listMerges, mergeChoicesSchema, mergePeople, undoMerge } from './merge.service.ts';

const tags = ['supporters'];
const writeErrors = { ...commonErrorResponses, 409: errorResponseSchema };

export const registerMergeRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();
  app.get(
    '/api/people/duplicates',
    {
      schema: {
        tags,
        summary:
          'Pairs of your people that look like one: shared email or phone, or close name at the same address',
        response: {
          200: z.object({
            candidates: z.array(
              z.object({
                reason: z.enum(['email', 'phone', 'name_address']),
                score: z.number(),
                a: personSchema,
                b: personSchema,
              }),
            ),
          }),
          ...commonErrorResponses,
        },
      },
    },
    async (request) => ({ candidates: await findDuplicates(app.db, requireActor(request)) }),
  );
  app.get(
    '/api/people/merges',
    {
      schema: {
        tags,
        summary: 'Merges that can still be undone',
        response: {
          200: z.object({
            merges: z.array(
              z.object({ id: z.uuid(), survivorId: z.uuid(), mergedId: z.uuid(), mergedAt: z.string() }),
            ),
          }),
          ...commonErrorResponses,
        },
      },
    },
    async (request) => ({ merges: await listMerges(app.db, requireActor(request)) }),
  );
  app.post(
    '/api/people/merges',
    {
      schema: {
        tags,
        summary:
          'Merge one person into another, choosing per field; both histories and every consent are kept',
        body: z.object({ survivorId: z.uuid(), mergedId: z.uuid(), choices: mergeChoicesSchema.default({}) }),
        response: { 200: z.object({ mergeId: z.uuid(), person: personSchema }), ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => mergePeople(trx, actor, request.body));
    },
  );
  app.post(
    '/api/people/merges/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo a merge: both records exactly as they were',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ survivor: personSchema, restored: personSchema }), ...writeErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => undoMerge(trx, actor, request.params.id));
    },
  );
};
