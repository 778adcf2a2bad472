import { z } from 'zod';
import { jurisdictionKinds } from './kinds.ts';

/** Limits shared with the web app. */
export const pageLimits = { default: 50, max: 500 } as const;

export const scopeSchema = z
  .enum(['reference', 'coalition'])
  .describe('reference: shipped public data, readable by anyone; coalition: your coalition’s own import');

export const jurisdictionKindSchema = z.enum(jurisdictionKinds);

const pageQuery = {
  limit: z.coerce.number().int().min(1).max(pageLimits.max).default(pageLimits.default),
  offset: z.coerce.number().int().min(0).default(0),
};

export const jurisdictionRefSchema = z.object({
  id: z.uuid(),
  kind: jurisdictionKindSchema,
  code: z.string(),
  name: z.string(),
});

export const jurisdictionSchema = jurisdictionRefSchema.extend({
  parentId: z.uuid().nullable(),
  country: z.string(),
  abbr: z.string().nullable(),
  scope: scopeSchema,
});
export type JurisdictionView = z.infer<typeof jurisdictionSchema>;

export const listJurisdictionsQuerySchema = z.object({
  kind: jurisdictionKindSchema.optional(),
  parent: z.uuid().optional().describe('only the children of this jurisdiction'),
  code: z.string().max(40).optional().describe('exact code: FIPS, ST-N, CodCirElec…'),
  q: z.string().trim().min(1).max(100).optional().describe('name contains (case-insensitive)'),
  resultSet: z
    .uuid()
    .optional()
    .describe("only the jurisdictions with a result in this set (e.g. one year's House districts)"),
  ...pageQuery,
});
export type ListJurisdictionsQuery = z.infer<typeof listJurisdictionsQuerySchema>;

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const electionSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  country: z.string(),
  date: z.iso.date(),
  scope: scopeSchema,
});
export type ElectionView = z.infer<typeof electionSchema>;

export const listElectionsQuerySchema = z.object({ country: z.string().length(2).toUpperCase().optional() });

export const raceSchema = z.object({
  id: z.uuid(),
  electionId: z.uuid(),
  office: z.string(),
  stage: z.string(),
  name: z.string(),
  seats: z.number().int(),
  filingDeadline: z.iso.date().nullable(),
  jurisdiction: jurisdictionRefSchema,
  scope: scopeSchema,
});
export type RaceView = z.infer<typeof raceSchema>;

export const listRacesQuerySchema = z.object({
  office: z.string().max(60).optional(),
  stage: z.string().max(30).optional(),
  ...pageQuery,
});
export type ListRacesQuery = z.infer<typeof listRacesQuerySchema>;

export const resultSetSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  electionId: z.uuid().nullable(),
  office: z.string().nullable(),
  unitKind: jurisdictionKindSchema,
  measure: z.enum(['votes', 'lean']),
  datasetId: z.string().nullable(),
  scope: scopeSchema,
});
export type ResultSetView = z.infer<typeof resultSetSchema>;

export const listResultSetsQuerySchema = z.object({
  election: z.uuid().optional(),
  measure: z.enum(['votes', 'lean']).optional(),
  unitKind: jurisdictionKindSchema.optional(),
});

export const lineSchema = z.object({
  candidate: z.string(),
  line: z.string().describe('ballot line as published (fusion candidates have several)'),
  party: z
    .string()
    .describe('the candidate’s party group (DEM, REP, LIB, GRN, IND, OTH; nuance codes in France)'),
  votes: z.number().int(),
  outcome: z.string().nullable(),
});

export const figuresSchema = z.object({
  totalVotes: z.number().int().nullable(),
  invalidVotes: z.number().int().nullable(),
  registered: z.number().int().nullable(),
  votesByParty: z.record(z.string(), z.number().int()),
  dem: z.number().int(),
  rep: z.number().int(),
  third: z.number().int().nullable().describe('total − D − R'),
  thirdShare: z.number().nullable().describe('percent of valid votes'),
  margin: z.number().nullable().describe('(D − R) / total, points'),
  twoPartyDemShare: z.number().nullable(),
  lean: z
    .number()
    .nullable()
    .describe('two-party margin minus the whole result set’s, points, + = Democratic'),
  publishedLean: z.number().nullable().describe('a lean published as such (538)'),
});

export const unitResultSchema = figuresSchema.extend({
  resultSet: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  jurisdiction: jurisdictionRefSchema,
  raceId: z.uuid().nullable(),
  lines: z.array(lineSchema),
});
export type UnitResultView = z.infer<typeof unitResultSchema>;

export const raceVotesSchema = figuresSchema.extend({
  race: raceSchema.omit({ scope: true, electionId: true }),
  resultSet: z.object({ id: z.uuid(), slug: z.string() }).nullable().describe('null: no result reported yet'),
  lines: z.array(lineSchema),
});
export type RaceVotesView = z.infer<typeof raceVotesSchema>;

export const raceVotesQuerySchema = z.object({
  office: z.string().max(60).optional(),
  stage: z.string().max(30).optional(),
});

export const resultsQuerySchema = z.object({
  set: z.string().max(100).optional().describe('a result set id or slug'),
});

export const datasetSchema = z.object({
  id: z.string(),
  title: z.string(),
  fingerprint: z.string(),
  loadedAt: z.iso.datetime(),
  counts: z.record(z.string(), z.number()),
  issues: z.record(z.string(), z.number()).describe('issue count by resolution'),
});

export const datasetIssueSchema = z.object({
  code: z.string(),
  resolution: z.string(),
  subject: z.string(),
  row: z.number().int().nullable(),
  message: z.string(),
});

export const datasetIssuesQuerySchema = z.object({
  resolution: z.enum(['mapped', 'rolled_up', 'kept_separate', 'excluded', 'unmapped', 'noted']).optional(),
  code: z.string().max(80).optional(),
  ...pageQuery,
});

export const idParamSchema = z.object({ id: z.uuid() });

/** Limits of the place search (the picker asks for a page at a time). */
export const placeSearchLimits = { default: 20, max: 100, query: 100, keys: 200 } as const;

export const placeSearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(placeSearchLimits.query)
    .describe('a name or prefix, optionally with its state or parent: "Wayne, MI", "Wayne County, Michigan"'),
  kind: jurisdictionKindSchema.optional(),
  country: z.string().length(2).toUpperCase().optional(),
  limit: z.coerce.number().int().min(1).max(placeSearchLimits.max).default(placeSearchLimits.default),
  after: z.string().max(400).optional().describe('the `next` cursor of the previous page'),
});
export type PlaceSearchQuery = z.infer<typeof placeSearchQuerySchema>;

/** A place as people name it: `label` is "Wayne County, Michigan", never a code. */
export const placeSchema = jurisdictionRefSchema.extend({
  key: z.string().describe('kind:code, as pacts and imports name a place (county:26163)'),
  label: z.string(),
  parentName: z.string().nullable(),
  country: z.string(),
  scope: scopeSchema,
});
export type PlaceView = z.infer<typeof placeSchema>;

export const placeSearchResponseSchema = z.object({
  items: z.array(placeSchema),
  next: z.string().nullable().describe('pass as `after` for the next page; null on the last one'),
});

export const placesByKeyQuerySchema = z.object({
  keys: z
    .string()
    .max(placeSearchLimits.keys * 50)
    .transform((list) => [
      ...new Set(
        list
          .split(',')
          .map((key) => key.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(60)).max(placeSearchLimits.keys))
    .describe('comma-separated kind:code keys (state:26,county:26163) or bare US FIPS codes (26, 26163)'),
});
