import { z } from 'zod';
import { plainTargets, presetNames } from './presets.ts';

export const presetNameSchema = z.enum(presetNames);
export const importTargetSchema = z.union([
  z.enum(plainTargets),
  z.string().regex(/^custom:.{1,60}$/, 'custom:<name>') as z.ZodType<`custom:${string}`>,
]);

export const importReportSchema = z.object({
  file: z.string(),
  preset: presetNameSchema.nullable(),
  mapping: z.array(z.object({ header: z.string(), target: z.string() })),
  rows: z.number().int(),
  imported: z.number().int(),
  skipped: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  errorCount: z.number().int(),
  errors: z.array(
    z.object({ file: z.string(), row: z.number().int(), field: z.string(), reason: z.string() }),
  ),
  duplicateCount: z.number().int(),
  duplicates: z.array(
    z.object({
      row: z.number().int(),
      field: z.string(),
      kind: z.enum(['in_file', 'existing']),
      matchesRow: z.number().int().nullable(),
    }),
  ),
  dryRun: z.boolean(),
  committed: z.boolean(),
});
