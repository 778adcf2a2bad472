/**
 * The supporters API as contracts (docs/architecture.md, "One contract per endpoint"): people and
 * their records (people.contract.ts), merges, overlap counts, segments and the leadership pipeline.
 * The import and CSV export routes are still plain Fastify routes (docs/supporters.md says which).
 */
import { z } from 'zod';
import { mergeContract } from './merge/merge.contract.ts';
import { overlapContract } from './overlap/overlap.contract.ts';
import { peopleContract } from './people.contract.ts';
import { ladderSchema, pipelineSchema } from './pipeline/pipeline.schema.ts';
import { segmentFilterSchema } from './segment-filter.ts';
import { endpoint, ownerErrors } from './supporters.errors.ts';

export { type SupporterErrorCode, supporterErrors } from './supporters.errors.ts';

export const segmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  filter: segmentFilterSchema,
  count: z.number().int().describe('Live: counted at this request'),
  createdAt: z.string(),
});
const segmentParams = z.object({ id: z.uuid() });

export const supportersContract = {
  ...peopleContract,
  ...mergeContract,
  ...overlapContract,
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
