import { z } from 'zod';
import { pageQuerySchema } from '../../contract/cursor.ts';
import { rankedMethods } from '../../core/decide/ranked.ts';
import { wholeSplit, yesNoOptions } from '../../core/decide/types.ts';
import { fractionSchema, planksSchema, strengthMetricSchema } from '../registry/registry.schema.ts';

export const decisionKinds = [
  'motion',
  'admission',
  'suspension',
  'expulsion',
  'reinstatement',
  'charter_amendment',
  'pact_ratification',
] as const;
export const majorityMethods = ['majority', 'supermajority', 'double_majority', 'consensus'] as const;
export const decisionMethods = [...majorityMethods, ...rankedMethods] as const;
export const isRankedMethod = (method: string): method is (typeof rankedMethods)[number] =>
  (rankedMethods as readonly string[]).includes(method);
export const decisionOutcomes = ['passed', 'rejected', 'no_quorum', 'decided', 'tie'] as const;
export const weightings = ['equal', 'strength'] as const;

export const decisionKindSchema = z.enum(decisionKinds);
export const decisionMethodSchema = z.enum(decisionMethods);

export const createDecisionSchema = z.object({
  kind: decisionKindSchema,
  title: z.string().trim().min(1).max(300),
  body: z.string().max(20_000).optional(),
  /** The organization an admission, suspension, expulsion or reinstatement is about. */
  subjectOrganizationId: z.uuid().optional(),
  /** Required for suspension and expulsion: the charge the member answers. */
  grounds: z.string().trim().max(10_000).optional(),
  /** Charter amendment: the complete new text, plank by plank. */
  proposal: z.object({ planks: planksSchema.min(1) }).optional(),
  /** Default: supermajority for expulsion and charter amendments, simple majority otherwise. */
  method: decisionMethodSchema.optional(),
  /** Ranked methods (irv, stv, schulze, approval; motions only): the options to rank or approve. */
  options: z.array(z.string().trim().min(1).max(200)).min(2).max(50).optional(),
  /** stv and approval: how many options win (default 1). */
  seats: z.number().int().min(1).max(49).optional(),
  /** Supermajority threshold (default 2/3); must exceed one half. */
  threshold: fractionSchema.optional(),
  weighting: z.enum(weightings).optional(),
  strengthMetric: strengthMetricSchema.optional(),
  weightCapPermille: z.number().int().min(1).max(1000).nullable().optional(),
  quorum: fractionSchema.optional(),
  /** Secret ballot: the tally and the ballots by receipt are published, who voted how is not. */
  secret: z.boolean().optional(),
  /**
   * A secret decision whose electorate is too small or too unevenly weighted for its tally to stay
   * secret is refused (422 decision.weak_secrecy, with the warnings) unless this is true.
   */
  acknowledgeWeakSecrecy: z.boolean().optional(),
  opensAt: z.iso.datetime({ offset: true }).optional(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
});
export type CreateDecisionInput = z.infer<typeof createDecisionSchema>;

export const splitSchema = z
  .object({
    yes: z.number().int().min(0).max(wholeSplit).default(0),
    no: z.number().int().min(0).max(wholeSplit).default(0),
    abstain: z.number().int().min(0).max(wholeSplit).default(0),
  })
  .refine((s) => s.yes + s.no + s.abstain === wholeSplit, {
    message: `a split is in thousandths of the organization's weight and must sum to ${wholeSplit} (70/30 is {"yes":700,"no":300})`,
  });

const optionName = z.string().trim().min(1).max(200);
const rankingSchema = z.array(optionName).min(1).max(50);
/** A blank ranked ballot ([]) is allowed: it counts for turnout and quorum and prefers nothing. */
const blankableRankingSchema = z.array(optionName).max(50);

export const ballotInputSchema = z.union([
  z.strictObject({ choice: z.enum(yesNoOptions) }),
  z.strictObject({ split: splitSchema }),
  /** Ranked methods: option names, most preferred first. */
  z.strictObject({ ranking: blankableRankingSchema }),
  /** Approval: every option approved of. */
  z.strictObject({ approve: z.array(optionName).max(50) }),
  /** A split delegation: several rankings, each with a share of the weight in thousandths. */
  z.strictObject({
    rankings: z
      .array(z.object({ ranking: rankingSchema, share: z.number().int().min(1).max(wholeSplit) }))
      .min(1)
      .max(10)
      .refine((parts) => parts.reduce((sum, p) => sum + p.share, 0) === wholeSplit, {
        message: `the shares are thousandths of the weight and must sum to ${wholeSplit}`,
      }),
  }),
]);
export type BallotInput = z.infer<typeof ballotInputSchema>;

export const decisionRulesSchema = z.object({
  threshold: fractionSchema.nullable(),
  options: z.array(z.string()).nullable().default(null),
  seats: z.number().int().nullable().default(null),
  weighting: z.enum(weightings),
  strengthMetric: strengthMetricSchema,
  weightCapPermille: z.number().int().nullable(),
  quorum: fractionSchema,
  /** Secret ballots: k, the fewest ballot assignments a published figure must fit (null: open ballot or before k existed, then 5). */
  secrecyK: z.number().int().nullable().default(null),
  /** Secret ballots: what the secretariat acknowledged when it opened the decision. */
  secrecyWarnings: z.array(z.object({ code: z.string(), message: z.string() })).default([]),
});
export type DecisionRules = z.infer<typeof decisionRulesSchema>;

export const rollSchema = z.object({
  voters: z.array(z.object({ organizationId: z.uuid(), name: z.string(), strength: z.number() })),
  recused: z.array(z.object({ organizationId: z.uuid(), name: z.string(), reason: z.string() })),
});
export type Roll = z.infer<typeof rollSchema>;

const splitViewSchema = z.object({ yes: z.number(), no: z.number(), abstain: z.number() });
export const rankedPartsSchema = z.array(z.object({ ranking: z.array(z.string()), share: z.number().int() }));
const totalsSchema = z.object({ yes: z.string(), no: z.string(), abstain: z.string() });

const shareBucketSchema = z.object({ from: z.string(), to: z.string() });

/** How much of a secret decision's tally is published: see docs/security.md "Secret ballots". */
export const disclosureSchema = z.object({
  level: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('exact') }),
    z.object({ kind: z.literal('buckets'), percent: z.number().int() }),
    z.object({ kind: z.literal('outcome') }),
  ]),
  k: z.number().int(),
  kMet: z.boolean(),
  basis: z.enum(['counted', 'swap_bound', 'too_many_tallies']),
  ballotsPublished: z.boolean(),
  /** Split delegations cast (not by whom): the counting treats them as choices anyone might have made. */
  splitsCast: z.array(z.object({ yes: z.number(), no: z.number(), abstain: z.number() })).default([]),
  note: z.string(),
});

export const tallySchema = z.object({
  method: z.enum(majorityMethods),
  quorum: z.object({
    eligible: z.number().int(),
    voted: z.number().int(),
    required: z.object({ num: z.number().int(), den: z.number().int() }),
    needed: z.number().int(),
    met: z.boolean(),
  }),
  /** Null when a secret ballot's exact figures would single out how organizations voted. */
  weighted: totalsSchema.nullable(),
  organizations: totalsSchema.nullable(),
  yesShare: z.string().nullable(),
  threshold: z.string(),
  vetoes: z.number().int().nullable(),
  /** Secret ballots whose exact figures are withheld: weighted shares in percent buckets [from, to). */
  shares: z
    .object({ yes: shareBucketSchema, no: shareBucketSchema, abstain: shareBucketSchema })
    .nullable()
    .default(null),
  outcome: z.enum(['passed', 'rejected', 'no_quorum']),
  explanation: z.string(),
});

/** A ranked decision's count: the tabulation engine's result (see docs/tabulation.md) and the quorum. */
export const rankedCountSchema = z.object({
  method: z.enum(rankedMethods),
  seats: z.number().int(),
  options: z.array(z.string()),
  winners: z.array(z.string()),
  outcome: z.enum(['decided', 'tie', 'no_quorum']),
  explanation: z.string(),
  quorum: tallySchema.shape.quorum,
  count: z
    .looseObject({
      winners: z.array(z.string()),
      ranking: z.array(z.string()),
      rounds: z.array(
        z.looseObject({
          round: z.number().int(),
          tallies: z.record(z.string(), z.union([z.number(), z.string()])),
        }),
      ),
      tiebreaks: z.array(z.unknown()),
      condorcetWinner: z.string().nullable(),
      totalWeight: z.union([z.number(), z.string()]),
    })
    .nullable(),
});

export const decisionResultSchema = z.object({
  closedAt: z.iso.datetime(),
  closeReason: z.enum(['staff', 'window']),
  weighting: z.enum(weightings),
  strengthMetric: strengthMetricSchema,
  weightCapPermille: z.number().int().nullable(),
  capNote: z.string().nullable(),
  eligible: z.array(
    z.object({
      organizationId: z.uuid(),
      name: z.string(),
      strength: z.number(),
      weight: z.string(),
      share: z.string(),
      capped: z.boolean(),
      voted: z.boolean(),
    }),
  ),
  excluded: z.array(z.object({ organizationId: z.uuid(), name: z.string(), reason: z.string() })),
  /** Ballots cast by organizations that were no longer eligible when the decision closed (never published for a secret ballot). */
  uncountedBallots: z.number().int(),
  /** Secret ballots: how much of the tally is published, and why (null for open ballots). */
  secrecy: disclosureSchema.nullable().default(null),
  /** Majority-style methods. */
  tally: tallySchema.nullable(),
  /** Ranked methods. */
  ranked: rankedCountSchema.nullable().default(null),
  /** Open ballots only: who voted how. */
  ballots: z
    .array(
      z.object({
        organizationId: z.uuid(),
        name: z.string(),
        receipt: z.string(),
        split: splitViewSchema.nullable(),
        parts: rankedPartsSchema.nullable().default(null),
      }),
    )
    .nullable(),
  /** sha256 of the canonical JSON of the counted ballots, [{receipt, split}] or [{receipt, parts}], sorted by receipt. */
  ballotsDigest: z.string(),
  applied: z.string().nullable(),
});
export type DecisionResult = z.infer<typeof decisionResultSchema>;

export const myBallotSchema = z.object({
  organizationId: z.uuid(),
  receipt: z.string(),
  split: splitViewSchema.nullable(),
  parts: rankedPartsSchema.nullable(),
  revision: z.number().int(),
  castAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const decisionSummarySchema = z.object({
  id: z.uuid(),
  kind: decisionKindSchema,
  title: z.string(),
  method: decisionMethodSchema,
  secret: z.boolean(),
  subjectOrganization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  phase: z.enum(['scheduled', 'open', 'closed']),
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  /** When it actually closed: before `closesAt` when staff closed it early; null while open. */
  closedAt: z.iso.datetime().nullable(),
  outcome: z.enum(decisionOutcomes).nullable(),
  participation: z.object({ eligible: z.number().int(), voted: z.number().int() }),
});

export type DecisionSummary = z.infer<typeof decisionSummarySchema>;

export const decisionSchema = decisionSummarySchema.extend({
  body: z.string(),
  grounds: z.string().nullable(),
  proposal: z.object({ planks: planksSchema }).nullable(),
  rules: decisionRulesSchema,
  roll: z.object({
    eligible: z.array(z.object({ organizationId: z.uuid(), name: z.string() })),
    recused: z.array(z.object({ organizationId: z.uuid(), name: z.string(), reason: z.string() })),
  }),
  createdAt: z.iso.datetime(),
  /** The caller's own organization's ballot (delegates only). */
  myBallot: myBallotSchema.nullable(),
  result: decisionResultSchema.nullable(),
});
export type DecisionView = z.infer<typeof decisionSchema>;

export const publishedBallotSchema = z.object({
  receipt: z.string(),
  choice: z.enum(['yes', 'no', 'abstain', 'split', 'ranking']),
  split: splitViewSchema.nullable(),
  parts: rankedPartsSchema.nullable(),
  /** Open ballots only. */
  organization: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  counted: z.boolean(),
});

export const publishedBallotsSchema = z.object({
  decisionId: z.uuid(),
  secret: z.boolean(),
  ballotsDigest: z.string(),
  /** False when a secret ballot's list would single out how organizations voted: then it is empty. */
  ballotsPublished: z.boolean(),
  ballots: z.array(publishedBallotSchema),
});

export const castResponseSchema = myBallotSchema.extend({ decisionId: z.uuid() });

/** Filters, and keyset pages, latest closing first (`limit`, `cursor`; without `limit`, every row). */
export const decisionsQuerySchema = z.object({
  phase: z.enum(['scheduled', 'open', 'closed']).optional(),
  kind: decisionKindSchema.optional(),
  ...pageQuerySchema.shape,
});

/** A ballot receipt: four groups of four Crockford base32 characters (receipt.ts makes them). */
export const receiptPattern = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
