import { z } from 'zod';
import { activityKindSchema, consentChannelSchema, countyFipsSchema } from './supporters.schema.ts';

/**
 * What a saved segment (and a people search) selects. Every part narrows: tags match any of the
 * listed tags, counties any of the listed counties, consent requires the channel to be usable now
 * (granted and never withdrawn since), activity requires at least `atLeast` activities of a kind.
 */
export const segmentFilterSchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  tags: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
  counties: z.array(countyFipsSchema).max(200).optional(),
  consent: consentChannelSchema.optional(),
  activity: z
    .strictObject({
      kind: activityKindSchema,
      since: z.iso.date().optional(),
      atLeast: z.number().int().min(1).max(10_000).default(1),
    })
    .optional(),
  stage: z.string().trim().min(1).max(60).optional(),
});
export type SegmentFilter = z.infer<typeof segmentFilterSchema>;
