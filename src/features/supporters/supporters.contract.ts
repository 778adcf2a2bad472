/**
 * The supporters API as contracts (docs/architecture.md, "One contract per endpoint"). Converted so
 * far: segments and the leadership pipeline; the other supporters routes are still plain Fastify
 * routes (docs/supporters.md says which).
 */
import { z } from 'zod';
import { endpointsOf } from '../../contract/endpoint.ts';
import { type CodeOf, defineErrors } from '../../contract/errors.ts';
import { ladderSchema, pipelineSchema } from './pipeline/pipeline.schema.ts';
import { segmentFilterSchema } from './segment-filter.ts';

/** Every code the supporters feature throws, with its kind. */
export const supporterErrors = defineErrors({
  'people.aggregates_only': 'forbidden',
  'people.not_a_member_organizer': 'forbidden',
  'people.protected_field': 'invalid',
  'people.cursor_invalid': 'invalid',
  'person.not_found': 'not_found',
  'person.invalid': 'invalid',
  'consent.nothing_to_withdraw': 'invalid',
  'link.code_invalid': 'invalid',
  'link.same_organization': 'invalid',
  'link.unknown_organization': 'invalid',
  'segment.not_found': 'not_found',
  'segment.name_taken': 'conflict',
  'import.unknown_column': 'invalid',
  'merge.same_person': 'invalid',
  'merge.not_found': 'not_found',
  'merge.not_latest': 'conflict',
  'merge.already_undone': 'conflict',
  'merge.record_gone': 'conflict',
  'overlap.same_member': 'invalid',
  'overlap.unknown_member': 'invalid',
  'overlap.not_found': 'not_found',
  'overlap.decided': 'conflict',
  'overlap.delegates_only': 'forbidden',
  'overlap.not_yours_to_approve': 'forbidden',
});
export type SupporterErrorCode = CodeOf<typeof supporterErrors>;

const endpoint = endpointsOf('supporters', supporterErrors);
const ownerErrors = ['people.aggregates_only', 'people.not_a_member_organizer'] as const;

export const segmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  filter: segmentFilterSchema,
  count: z.number().int().describe('Live: counted at this request'),
  createdAt: z.string(),
});
const segmentParams = z.object({ id: z.uuid() });

export const supportersContract = {
  segments: endpoint({
    method: 'GET',
    path: '/api/people/segments',
    auth: 'session',
    summary: 'Your saved segments with live counts',
    response: z.object({ segments: z.array(segmentSchema) }),
    errors: [...ownerErrors],
  }),
  createSegment: endpoint({
    method: 'POST',
    path: '/api/people/segments',
    auth: 'session',
    summary: 'Save a segment: a filter on tags, counties, activity, consent and stage',
    body: z.object({ name: z.string().trim().min(1).max(120), filter: segmentFilterSchema }),
    response: segmentSchema,
    status: 201,
    errors: [...ownerErrors, 'segment.name_taken'],
  }),
  segment: endpoint({
    method: 'GET',
    path: '/api/people/segments/:id',
    auth: 'session',
    summary: 'One segment with its live count',
    params: segmentParams,
    response: segmentSchema,
    errors: [...ownerErrors, 'segment.not_found'],
  }),
  deleteSegment: endpoint({
    method: 'DELETE',
    path: '/api/people/segments/:id',
    auth: 'session',
    summary: 'Delete a segment',
    params: segmentParams,
    response: z.null(),
    status: 204,
    errors: [...ownerErrors, 'segment.not_found'],
  }),
  pipeline: endpoint({
    method: 'GET',
    path: '/api/people/pipeline',
    auth: 'session',
    summary: 'Your ladder of engagement: people per stage, who is ready to move up per tag, moves per month',
    response: pipelineSchema,
    errors: [...ownerErrors],
  }),
  setLadder: endpoint({
    method: 'PUT',
    path: '/api/people/pipeline',
    auth: 'session',
    summary: 'Set your ladder (stages and the activity that earns each)',
    body: z.object({ stages: ladderSchema }),
    response: pipelineSchema,
    errors: [...ownerErrors],
  }),
  advancePipeline: endpoint({
    method: 'POST',
    path: '/api/people/pipeline/advance',
    auth: 'session',
    summary: 'Move everyone who meets the next stage’s rule up one stage',
    response: z.object({ moved: z.number().int(), pipeline: pipelineSchema }),
    errors: [...ownerErrors],
  }),
};
