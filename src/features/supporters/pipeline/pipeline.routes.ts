import { z } from 'zod';
import { requireActor } from '../../../http/auth.ts';
import { commonErrorResponses } from '../../../http/error-schema.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { advancePipeline, ladderSchema, pipelineView, setLadder } from './pipeline.service.ts';

const tags = ['supporters'];
const pipelineSchema = z.object({
  stages: z.array(
    z.object({
      name: z.string(),
      rule: z.object({ kind: z.string(), atLeast: z.number(), withinDays: z.number().optional() }).nullable(),
      people: z.number().int(),
      readyToMoveUp: z.array(
        z.object({ tag: z.string().describe('"" for people without a tag'), count: z.number().int() }),
      ),
    }),
  ),
  moves: z.array(z.object({ month: z.string(), stage: z.string(), count: z.number().int() })),
});

export const registerPipelineRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();
  app.get(
    '/api/people/pipeline',
    {
      schema: {
        tags,
        summary:
          'Your ladder of engagement: people per stage, who is ready to move up per tag, moves per month',
        response: { 200: pipelineSchema, ...commonErrorResponses },
      },
    },
    async (request) => pipelineView(app.db, requireActor(request)),
  );
  app.put(
    '/api/people/pipeline',
    {
      schema: {
        tags,
        summary: 'Set your ladder (stages and the activity that earns each)',
        body: z.object({ stages: ladderSchema }),
        response: { 200: pipelineSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => setLadder(trx, actor, request.body.stages));
    },
  );
  app.post(
    '/api/people/pipeline/advance',
    {
      schema: {
        tags,
        summary: 'Move everyone who meets the next stage’s rule up one stage',
        response: {
          200: z.object({ moved: z.number().int(), pipeline: pipelineSchema }),
          ...commonErrorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return tx.execute((trx) => advancePipeline(trx, actor));
    },
  );
};
