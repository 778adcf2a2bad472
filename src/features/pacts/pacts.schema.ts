/**
 * zod schemas of the pact capability: request bodies, the shapes stored in jsonb columns, and the
 * views that leave the server (the whitelist). The engine's own file and report schemas are in
 * allocate.schema.ts and are reused here.
 */
import { z } from 'zod';
import { boundedPageQuerySchema, cursorTimestampSchema, nextCursorSchema } from '../../contract/cursor.ts';
import { createDecisionSchema } from '../decisions/decisions.schema.ts';
import { jurisdictionKindSchema } from '../map/map.schema.ts';
import { strengthMetricSchema } from '../registry/registry.schema.ts';
import { AllocationReportSchema, PactFileSchema, pactLimits } from './allocate.schema.ts';
import {
  runErrorSchema,
  storedMemberSchema,
  storedSourceSchema,
  versionLabelsSchema,
} from './stored.schema.ts';

const name = z.string().trim().min(1).max(200);
const note = z.string().trim().max(2000);
/** A race or zone of a pact, by its key: the jurisdiction code (`7501`, `MI-3`, `26163`). */
export const raceKeySchema = z.string().trim().min(1).max(80);
/** A party code of the result files: a French nuance (`ECO`), a US party group (`DEM`). */
const partyCode = z.string().trim().min(1).max(40);

/** The engine's options a pact keeps (docs/pacts.md, "The pact file"). */
export const pactSettingsSchema = PactFileSchema.pick({
  apportionment: true,
  apportionBy: true,
  transfer: true,
  uncertainty: true,
  entitlement: true,
  tierBalance: true,
  tierMargin: true,
  presets: true,
});
export type PactSettings = z.infer<typeof pactSettingsSchema>;

export const memberInputSchema = z.strictObject({
  organizationId: z.uuid(),
  /** Party codes whose votes are this member's; every unmapped party is an opponent. */
  parties: z.array(partyCode).max(50).default([]),
  /** Overrides the member's verified strength evidence. */
  weight: z.number().positive().finite().optional(),
});
export type MemberInput = z.infer<typeof memberInputSchema>;

const racesSourceInput = z.strictObject({
  kind: z.literal('races'),
  electionId: z.uuid(),
  office: z.string().max(60).optional(),
  stage: z.string().max(30).optional(),
  /** Only the races in these jurisdictions or directly below them (departments, a state). */
  within: z.array(z.uuid()).max(200).optional(),
  /** Past results from another election's races in the same jurisdictions (default: the races' own). */
  resultsFrom: z
    .strictObject({
      electionId: z.uuid(),
      office: z.string().max(60).optional(),
      stage: z.string().max(30).optional(),
    })
    .optional(),
});

const zonesSourceInput = z.strictObject({
  kind: z.literal('zones'),
  /** The territory shared out, e.g. a state. */
  parentJurisdictionId: z.uuid(),
  /** The zones: its children of this kind. */
  zoneKind: jurisdictionKindSchema.default('county'),
  /** Result set (id or slug) the zones' values come from, e.g. `us-president-2024-county`. */
  resultSet: z.string().min(1).max(100),
});

export const pactSourceInputSchema = z.discriminatedUnion('kind', [racesSourceInput, zonesSourceInput]);
export type PactSourceInput = z.infer<typeof pactSourceInputSchema>;

export const createPactSchema = z.strictObject({
  name,
  source: pactSourceInputSchema,
  members: z.array(memberInputSchema).min(1).max(pactLimits.members),
  /** Which verified figure weighs members without an override (default: the coalition's setting). */
  weightMetric: strengthMetricSchema.optional(),
  settings: pactSettingsSchema.optional(),
});
export type CreatePactInput = z.infer<typeof createPactSchema>;

export const updatePactSchema = z.strictObject({
  name: name.optional(),
  members: z.array(memberInputSchema).min(1).max(pactLimits.members).optional(),
  weightMetric: strengthMetricSchema.optional(),
  /** Replaces the settings as a whole. */
  settings: pactSettingsSchema.optional(),
});
export type UpdatePactInput = z.infer<typeof updatePactSchema>;

export const ruleInputSchema = z.strictObject({
  race: raceKeySchema,
  organizationId: z.uuid(),
  note: note.optional(),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const swapInputSchema = z.strictObject({
  races: z.tuple([raceKeySchema, raceKeySchema]),
  note: note.optional(),
});
export type SwapInput = z.infer<typeof swapInputSchema>;

export const runInputSchema = z.strictObject({
  mode: z.enum(['heuristic', 'exact']).default('heuristic'),
  note: note.optional(),
});
export type RunInput = z.infer<typeof runInputSchema>;

export const consentInputSchema = z.strictObject({
  stance: z.enum(['consent', 'object']),
  note: note.optional(),
  /** Defaults to the delegate's own organization; any other is refused. */
  organizationId: z.uuid().optional(),
});
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const ratifyInputSchema = createDecisionSchema
  .pick({
    body: true,
    method: true,
    threshold: true,
    weighting: true,
    strengthMetric: true,
    quorum: true,
    secret: true,
    opensAt: true,
    closesAt: true,
  })
  .extend({
    /** The version to ratify (default: the latest). */
    version: z.number().int().positive().optional(),
    title: z.string().trim().min(1).max(300).optional(),
  });
export type RatifyInput = z.infer<typeof ratifyInputSchema>;

// Stored shapes (jsonb), re-exported: one import site for the feature and the web app.
export {
  type RaceLine,
  type RunError,
  raceLineSchema,
  requestedBySchema,
  runErrorSchema,
  type StoredMember,
  type StoredSource,
  storedMemberSchema,
  storedSourceSchema,
  type VersionLabels,
  versionLabelsSchema,
} from './stored.schema.ts';

// ---- Views ------------------------------------------------------------------------------------

export const memberRefSchema = z.object({ organizationId: z.uuid(), key: z.string(), name: z.string() });
export type MemberRef = z.infer<typeof memberRefSchema>;

export const pactStatusSchema = z
  .enum(['draft', 'in_ratification', 'ratified'])
  .describe('draft: editable; in_ratification: a decision is open (edits wait); ratified: frozen');

export const versionSummarySchema = z.object({
  number: z.number().int(),
  kind: z.enum(['run', 'swap']),
  mode: z.enum(['heuristic', 'exact', 'manual']),
  expectedWins: z.number(),
  noPactWins: z.number(),
  entitlementWithinOne: z.boolean(),
  wef1: z.boolean(),
  gapToExact: z.number().nullable(),
  note: z.string(),
  pactRevision: z.number().int(),
  runId: z.uuid().nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: z.iso.datetime(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const versionSchema = versionSummarySchema.extend({
  input: PactFileSchema,
  result: AllocationReportSchema,
  labels: versionLabelsSchema,
});
export type VersionView = z.infer<typeof versionSchema>;

const pricedRule = z.enum(['entitlement', 'locks', 'vetoes']);
const costlyRuleSchema = z.object({
  kind: z.enum(['lock', 'veto']),
  race: z.string(),
  member: z.string(),
  best: z.string(),
  gain: z.number(),
});
/** docs/pacts.md "Advice": does the version beat no pact, what each rule costs, what would fix it. */
export const adviceSchema = z.object({
  version: z.number().int(),
  pactWins: z.number(),
  noPactWins: z.number(),
  difference: z.number().describe('pactWins − noPactWins; negative when the pact loses expected wins'),
  heuristicWins: z.number(),
  ceilingWins: z.number().describe('each race to its strongest allowed member, no share rule'),
  prices: z.array(
    z.object({ rule: pricedRule, count: z.number().int(), withoutIt: z.number(), cost: z.number() }),
  ),
  fairnessCost: z.number().nullable(),
  costlyRules: z.array(costlyRuleSchema),
  racesBelowNoPact: z.array(
    z.object({ race: z.string(), member: z.string().nullable(), pact: z.number(), noPact: z.number() }),
  ),
  fixes: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('leave-out'), races: z.array(z.string()), gain: z.number() }),
      z.object({ kind: z.literal('share-by-expected-wins'), gain: z.number() }),
      z.object({ kind: z.literal('report-entitlement'), gain: z.number() }),
      z.object({ kind: z.literal('lift-rule'), rule: costlyRuleSchema }),
    ]),
  ),
});
export type AdviceView = z.infer<typeof adviceSchema>;

export const runSchema = z.object({
  id: z.uuid(),
  pactId: z.uuid(),
  mode: z.enum(['heuristic', 'exact']),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'discarded']),
  phase: z.enum(['preparing', 'heuristic', 'exact', 'checking', 'done']),
  percent: z.number().int().describe('phases completed, weighted; HiGHS reports no progress within a solve'),
  note: z.string(),
  error: runErrorSchema.nullable(),
  version: versionSummarySchema.nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type RunView = z.infer<typeof runSchema>;

export const ratificationSchema = z.object({
  decisionId: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  phase: z.enum(['scheduled', 'open', 'closed']),
  outcome: z.string().nullable(),
  closesAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type RatificationView = z.infer<typeof ratificationSchema>;

export const consentSchema = z.object({
  organization: z.object({ id: z.uuid(), name: z.string() }),
  stance: z.enum(['consent', 'object']),
  note: z.string(),
  versionNumber: z.number().int().nullable(),
  /** The member the race was given to when the branch spoke; `current` when it still is. */
  assignedTo: z.uuid().nullable(),
  current: z.boolean(),
  recordedAt: z.iso.datetime(),
});
export type ConsentView = z.infer<typeof consentSchema>;

export const raceSchema = z.object({
  key: z.string(),
  name: z.string(),
  seats: z.number().int(),
  totalVotes: z.number().nullable(),
  incumbentParty: z.string().nullable(),
  votesByParty: z.record(z.string(), z.number()),
  assigned: memberRefSchema.nullable().describe('in the latest version; null: open, or no version yet'),
  explanation: z.string().nullable(),
  lock: memberRefSchema.nullable(),
  vetoes: z.array(memberRefSchema),
  consents: z.array(consentSchema),
});
export type PactRaceView = z.infer<typeof raceSchema>;

export const consentSummarySchema = z.object({
  consents: z.number().int(),
  objections: z.number().int(),
  racesWithObjection: z.array(z.string()),
  outdated: z.number().int().describe('stances given on an earlier assignment of their race'),
  byOrganization: z.array(
    z.object({
      organizationId: z.uuid(),
      name: z.string(),
      consents: z.number().int(),
      objections: z.number().int(),
    }),
  ),
});

export const pactSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['races', 'zones']),
  status: pactStatusSchema,
  raceCount: z.number().int(),
  members: z.array(memberRefSchema),
  latestVersion: versionSummarySchema.nullable(),
  revision: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type PactSummary = z.infer<typeof pactSummarySchema>;

/** The pacts list's keyset pages, newest first (src/contract/cursor.ts): 50 a page unless asked. */
export const pactListQuerySchema = boundedPageQuerySchema(
  'pacts',
  [z.uuid(), cursorTimestampSchema, z.uuid()],
  50,
);
export type PactListQuery = z.output<typeof pactListQuerySchema>;
export const pactListSchema = z.object({ pacts: z.array(pactSummarySchema), nextCursor: nextCursorSchema });

const ruleViewSchema = z.object({
  race: z.string(),
  member: memberRefSchema,
  origin: z.enum(['manual', 'swap']),
  note: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().nullable().describe('the name of the person who set it; null when set by the system'),
});

export const pactSchema = pactSummarySchema.extend({
  source: storedSourceSchema,
  settings: pactSettingsSchema,
  members: z.array(
    memberRefSchema.extend({
      parties: z.array(z.string()),
      weight: z.number(),
      weightSource: storedMemberSchema.shape.weightSource,
      position: z.number().nullable(),
      homeJurisdictions: z.array(z.string()),
    }),
  ),
  /** The latest version was computed before the pact's last edit: rerun to see the edit's effect. */
  stale: z.boolean(),
  locks: z.array(ruleViewSchema),
  vetoes: z.array(ruleViewSchema),
  races: z.array(raceSchema),
  versions: z.array(versionSummarySchema),
  activeRun: runSchema.nullable(),
  ratification: ratificationSchema.nullable().describe('the latest ratification decision'),
  ratifiedVersion: z.number().int().nullable(),
  consent: consentSummarySchema,
});
export type PactView = z.infer<typeof pactSchema>;

const delta = z.object({ from: z.number(), to: z.number(), delta: z.number() });

export const comparisonSchema = z.object({
  from: versionSummarySchema,
  to: versionSummarySchema,
  moved: z.array(
    z.object({
      race: z.string(),
      name: z.string(),
      from: memberRefSchema.nullable(),
      to: memberRefSchema.nullable(),
    }),
  ),
  members: z.array(
    memberRefSchema.extend({
      races: delta,
      expectedWins: delta,
      gained: z.array(z.string()),
      lost: z.array(z.string()),
    }),
  ),
  coalition: z.object({ expectedWins: delta, noPactWins: delta }),
  fairness: z.object({
    from: z.object({ entitlementWithinOne: z.boolean(), wef1: z.boolean() }),
    to: z.object({ entitlementWithinOne: z.boolean(), wef1: z.boolean() }),
  }),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const ratificationResponseSchema = z.object({
  pactId: z.uuid(),
  version: z.number().int(),
  decisionId: z.uuid(),
  closesAt: z.iso.datetime(),
});

export const pactIdParams = z.object({ id: z.uuid() });
export const exportQuerySchema = z.object({
  version: z.coerce.number().int().positive().optional(),
  format: z.enum(['pact', 'report', 'csv']).default('pact'),
});
export const compareQuerySchema = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});

export const ruleResponseSchema = z.object({
  race: z.string(),
  kind: z.enum(['lock', 'veto']),
  member: memberRefSchema,
  origin: z.enum(['manual', 'swap']),
  note: z.string(),
  createdAt: z.iso.datetime(),
});

export const consentResponseSchema = consentSchema.extend({ race: z.string() });
