import { z } from 'zod';
import { activityKindSchema } from '../supporters.schema.ts';

/** A ladder: the first stage is where everyone starts; each later stage says what activity earns it. */
export const ladderSchema = z
  .array(
    z.object({
      name: z.string().trim().min(1).max(60),
      rule: z
        .object({
          kind: activityKindSchema,
          atLeast: z.number().int().min(1).max(1000),
          withinDays: z.number().int().min(1).max(3650).optional(),
        })
        .nullable(),
    }),
  )
  .min(2)
  .max(10)
  .refine((stages) => stages[0]?.rule === null && stages.slice(1).every((s) => s.rule !== null), {
    message: 'the first stage has no rule, every later stage has one',
  })
  .refine((stages) => new Set(stages.map((s) => s.name.toLowerCase())).size === stages.length, {
    message: 'stage names must differ',
  });
export type Ladder = z.infer<typeof ladderSchema>;

/** The pipeline as the API answers it: people per stage, ready per tag, moves per month. */
export const pipelineSchema = z.object({
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
