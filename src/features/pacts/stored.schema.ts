/** The shapes the pact tables keep in jsonb columns, parsed back with these schemas on read. */
import { z } from 'zod';
import { jurisdictionKindSchema } from '../map/map.schema.ts';
import { strengthMetricSchema } from '../registry/registry.schema.ts';

export const storedMemberSchema = z.object({
  /** The member's id in the engine's input and report: a slug of its name, stable in the pact. */
  key: z.string(),
  organizationId: z.uuid(),
  name: z.string(),
  parties: z.array(z.string()),
  weight: z.number(),
  weightSource: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('evidence'), metric: strengthMetricSchema, asOf: z.string() }),
    z.object({ kind: z.literal('override') }),
  ]),
  position: z.number().nullable(),
  homeJurisdictions: z.array(z.string()),
});
export type StoredMember = z.infer<typeof storedMemberSchema>;

const ref = z.object({ id: z.uuid(), key: z.string(), name: z.string() });

export const storedSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('races'),
    election: ref,
    office: z.string().nullable(),
    stage: z.string().nullable(),
    within: z.array(ref),
    resultsFrom: ref.nullable(),
    weightMetric: strengthMetricSchema,
    warnings: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('zones'),
    parent: ref,
    zoneKind: jurisdictionKindSchema,
    resultSet: ref,
    weightMetric: strengthMetricSchema,
    warnings: z.array(z.string()),
  }),
]);
export type StoredSource = z.infer<typeof storedSourceSchema>;

export const raceLineSchema = z.object({
  candidate: z.string(),
  party: z.string(),
  votes: z.number(),
  outcome: z.string().nullable(),
});
export type RaceLine = z.infer<typeof raceLineSchema>;

const memberLabel = z.object({ organizationId: z.uuid(), name: z.string() });
/** Who the engine's member keys and race keys are, as of a run: kept with each version. */
export const versionLabelsSchema = z.object({
  members: z.record(z.string(), memberLabel),
  races: z.record(z.string(), z.object({ name: z.string() })),
});
export type VersionLabels = z.infer<typeof versionLabelsSchema>;

export const runErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type RunError = z.infer<typeof runErrorSchema>;

export const requestedBySchema = z.object({
  userId: z.uuid(),
  role: z.enum(['admin', 'secretariat', 'delegate', 'organizer', 'viewer']),
  organizationId: z.uuid().nullable(),
});
