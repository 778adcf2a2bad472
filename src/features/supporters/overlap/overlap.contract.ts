/** The contracts of private overlap counts between two members (protocol.ts). */
import { z } from 'zod';
import { endpoint, ownerErrors } from '../supporters.errors.ts';
import { suppressedCountSchema } from '../supporters.schema.ts';

const memberRef = z.object({ id: z.uuid(), name: z.string() });
export const overlapRunSchema = z.object({
  id: z.uuid(),
  requester: memberRef,
  partner: memberRef,
  status: z.enum(['requested', 'declined', 'completed']),
  awaitingYou: z.boolean(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  sharedCount: suppressedCountSchema.nullable(),
});
const params = z.object({ id: z.uuid() });
const decideErrors = [
  ...ownerErrors,
  'overlap.delegates_only',
  'overlap.not_found',
  'overlap.not_yours_to_approve',
  'overlap.decided',
] as const;

export const overlapContract = {
  overlaps: endpoint({
    method: 'GET',
    path: '/api/people/overlaps',
    auth: 'session',
    summary: 'Overlap runs your member requested or was asked for',
    response: z.object({ runs: z.array(overlapRunSchema) }),
    errors: [...ownerErrors],
  }),
  requestOverlap: endpoint({
    method: 'POST',
    path: '/api/people/overlaps',
    auth: 'session',
    summary: 'Ask another member to count the supporters you share (a delegate; they must approve)',
    body: z.object({ partnerId: z.uuid() }),
    response: overlapRunSchema,
    status: 201,
    errors: [
      ...ownerErrors,
      'overlap.delegates_only',
      'overlap.same_member',
      'overlap.unknown_member',
      'overlap.not_found',
    ],
  }),
  approveOverlap: endpoint({
    method: 'POST',
    path: '/api/people/overlaps/:id/approval',
    auth: 'session',
    summary:
      'Approve a run: both sides blind their identifiers, the server relays, each learns only the count',
    params,
    response: overlapRunSchema,
    errors: [...decideErrors],
  }),
  declineOverlap: endpoint({
    method: 'POST',
    path: '/api/people/overlaps/:id/decline',
    auth: 'session',
    summary: 'Decline a run',
    params,
    response: overlapRunSchema,
    errors: [...decideErrors],
  }),
};
