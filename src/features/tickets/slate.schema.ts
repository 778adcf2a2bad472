import { z } from 'zod';

export const slateQuerySchema = z.object({
  jurisdiction: z
    .string()
    .min(3)
    .max(120)
    .describe('a map jurisdiction id or its key kind:code, e.g. county:26163'),
});
export const slateParamsSchema = z.object({ slug: z.string().min(1).max(80) });

export const slateEntrySchema = z.object({
  candidateId: z.uuid(),
  name: z.string(),
  status: z.enum(['endorsed', 'filed', 'on_ballot', 'elected', 'defeated']),
  member: z.object({ id: z.uuid(), name: z.string() }),
  race: z.object({
    id: z.uuid(),
    name: z.string(),
    office: z.string(),
    electionName: z.string(),
    electionDate: z.string(),
    filingDeadline: z.string().nullable(),
    jurisdictionKey: z.string(),
  }),
  coverage: z.enum(['place', 'contains_place', 'within_place', 'overlaps_place']),
  /** For a district crossing the place: the share of the place's area inside it (area-based, not population). */
  areaShare: z.number().nullable(),
  lines: z.array(
    z.object({
      kind: z.enum(['party', 'coalition', 'endorsement']),
      label: z.string(),
      memberName: z.string().nullable(),
    }),
  ),
  /** How the ballot shows the candidate where several parties nominate: separate lines, or one line with every party. */
  display: z.enum(['separate', 'aggregated', 'single']),
});
export type SlateEntry = z.infer<typeof slateEntrySchema>;

export const slateSchema = z.object({
  coalition: z.object({ slug: z.string(), name: z.string() }),
  place: z.object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    within: z.array(z.object({ key: z.string(), name: z.string() })),
  }),
  entries: z.array(slateEntrySchema),
  national: z.array(
    z.object({
      cycle: z.number().int(),
      office: z.string(),
      top: z.object({ name: z.string(), memberName: z.string() }),
      second: z.object({ name: z.string(), memberName: z.string() }),
    }),
  ),
});
export type Slate = z.infer<typeof slateSchema>;
