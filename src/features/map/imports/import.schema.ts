import { z } from 'zod';
import { jurisdictionKinds } from '../kinds.ts';

/**
 * The largest races CSV the API reads: 100 MiB, about 400,000 places with two result lines each
 * (docs/performance.md, "Limits"). The upload is read as it arrives, never held whole.
 */
export const maxRaceUploadBytes = 100 * 1024 * 1024;

const booleanFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

export const importRacesQuerySchema = z.object({
  dryRun: booleanFlag.describe('validate and count what would change, write nothing'),
});

export const importDistrictsQuerySchema = z.object({
  dryRun: booleanFlag.describe('validate and count what would change, write nothing'),
  kind: z
    .enum(jurisdictionKinds)
    .optional()
    .describe('kind of every district (else a kind property per feature)'),
  codeProperty: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .describe('feature property holding the code (default: code)'),
  nameProperty: z
    .string()
    .min(1)
    .max(60)
    .optional()
    .describe('feature property holding the name (default: name)'),
  parent: z.string().max(80).optional().describe('kind:code of every district’s parent, e.g. state:06'),
  object: z.string().max(100).optional().describe('TopoJSON object to read (default: the only one)'),
});

const changeCountsSchema = z.object({
  new: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  removed: z.number().int(),
});

export const importReportSchema = z.object({
  file: z.string(),
  dryRun: z.boolean(),
  changes: z.record(z.string(), changeCountsSchema),
  notes: z.array(z.string()),
});
