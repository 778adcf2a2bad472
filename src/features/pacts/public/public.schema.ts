import { z } from 'zod';
import { publicCoalitionSchema } from '../../registry/registry.schema.ts';

/** "Find the coalition's candidate": the shapes of the public, signed-out read of ratified pacts. */

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => uuidPattern.test(value);

export const publicCandidatesParams = z.object({ slug: z.string().min(1).max(100) });

export const publicCandidatesQuerySchema = z.object({
  jurisdiction: z
    .string()
    .trim()
    .refine((value) => isUuid(value) || /^[a-z_]+:[^\s:]{1,60}$/.test(value), {
      message: 'a map jurisdiction id (UUID) or key "kind:code", e.g. county:26163',
    })
    .describe('The place: a map jurisdiction id or its key `kind:code` (`county:26163`, `state:26`)'),
});

const placeRefSchema = z.object({ id: z.uuid(), key: z.string(), name: z.string() });

export const publicPlaceSchema = placeRefSchema.extend({
  kind: z.string(),
  code: z.string(),
  /** The jurisdictions containing the place, nearest first (a county's state, then the nation). */
  within: z.array(placeRefSchema),
});

export const raceCoverageSchema = z
  .enum(['place', 'contains_place', 'within_place', 'crosses_place'])
  .describe(
    'place: the race is held for the place itself; contains_place: its area contains the place (a statewide race for a county); within_place: it lies within the place (a state’s districts and counties); crosses_place: a House district covering part or all of a county, from the area-based crosswalk (`share`)',
  );
export type RaceCoverage = z.infer<typeof raceCoverageSchema>;

/** A member's public profile, exactly as on the coalition's public page. */
export const publicMemberSchema = publicCoalitionSchema.shape.members.element;

export const publicRaceSchema = z.object({
  pact: z.object({
    name: z.string(),
    kind: z.enum(['races', 'zones']).describe('races: candidates for office; zones: who organizes where'),
    version: z.number().int().describe('The ratified version'),
    ratifiedAt: z.iso.datetime().describe('When the ratification decision closed, passed'),
  }),
  key: z.string().describe('The race’s key in the pact: its jurisdiction code (`MI-3`, `26163`)'),
  name: z.string(),
  seats: z.number().int(),
  jurisdictionId: z.uuid().nullable(),
  jurisdictionKey: z.string().nullable(),
  mapRaceId: z.uuid().nullable(),
  coverage: raceCoverageSchema,
  member: publicMemberSchema
    .nullable()
    .describe('The member carrying the coalition’s flag there; null when the race is open or it left'),
  open: z.boolean().describe('The pact leaves the race open: no coalition candidate'),
  share: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('crosses_place only: the share of the county’s area inside the district (area-based)'),
});
export type PublicRace = z.infer<typeof publicRaceSchema>;

export const publicCandidatesSchema = z.object({
  coalition: z.object({ slug: z.string(), name: z.string() }),
  place: publicPlaceSchema,
  races: z.array(publicRaceSchema),
  houseDistricts: z
    .array(
      z.object({
        code: z.string().describe('The district’s map code: `MI-12`, at-large seats `WY-AL`'),
        share: z.number().min(0).max(1).describe('The share of the county’s area inside the district'),
        basis: z.literal('area-based'),
        election: z.number().int().describe('The House election whose district lines these are (2020)'),
        jurisdictionId: z.uuid().nullable().describe('The district on the map, when its data is loaded'),
      }),
    )
    .describe(
      'For a county: its own House district(s) from the area-based crosswalk, largest share first; empty for other places',
    ),
  crosswalk: z.string().describe('How the county’s districts were found (area-based, which maps)'),
});
export type PublicCandidates = z.infer<typeof publicCandidatesSchema>;
