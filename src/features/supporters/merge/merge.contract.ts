/** The contracts of finding and merging duplicate people, and undoing a merge. */
import { z } from 'zod';
import { endpoint, ownerErrors } from '../supporters.errors.ts';
import { personSchema } from '../supporters.schema.ts';
import { mergeChoicesSchema } from './merge.schema.ts';

export const duplicateCandidateSchema = z.object({
  reason: z.enum(['email', 'phone', 'name_address']),
  score: z.number(),
  a: personSchema,
  b: personSchema,
});
const mergeRecordSchema = z.object({
  id: z.uuid(),
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  mergedAt: z.string(),
});

export const mergeContract = {
  duplicates: endpoint({
    method: 'GET',
    path: '/api/people/duplicates',
    auth: 'session',
    summary:
      'Pairs of your people that look like one: shared email or phone, or close name at the same address',
    response: z.object({ candidates: z.array(duplicateCandidateSchema) }),
    errors: [...ownerErrors],
  }),
  merges: endpoint({
    method: 'GET',
    path: '/api/people/merges',
    auth: 'session',
    summary: 'Merges that can still be undone',
    response: z.object({ merges: z.array(mergeRecordSchema) }),
    errors: [...ownerErrors],
  }),
  merge: endpoint({
    method: 'POST',
    path: '/api/people/merges',
    auth: 'session',
    summary: 'Merge one person into another, choosing per field; both histories and every consent are kept',
    body: z.object({ survivorId: z.uuid(), mergedId: z.uuid(), choices: mergeChoicesSchema.default({}) }),
    response: z.object({ mergeId: z.uuid(), person: personSchema }),
    errors: [...ownerErrors, 'merge.same_person', 'person.not_found'],
  }),
  undoMerge: endpoint({
    method: 'POST',
    path: '/api/people/merges/:id/undo',
    auth: 'session',
    summary: 'Undo a merge: both records exactly as they were',
    params: z.object({ id: z.uuid() }),
    response: z.object({ survivor: personSchema, restored: personSchema }),
    errors: [
      ...ownerErrors,
      'merge.not_found',
      'merge.already_undone',
      'merge.not_latest',
      'merge.record_gone',
    ],
  }),
};
