import { z } from 'zod';
import { boundedPageQuerySchema } from '../../contract/cursor.ts';
import { hexColourPattern } from '../../core/colour-contrast.ts';
import type { AdmissionRule } from '../../core/rules/admission.ts';
import { organizationStatuses } from '../../core/rules/lifecycle.ts';
import { strengthMetrics } from '../../core/rules/strength.ts';

export const organizationKinds = ['party', 'movement', 'pressure_group', 'chapter', 'federation'] as const;
export const organizationKindSchema = z.enum(organizationKinds);
export const organizationStatusSchema = z.enum(organizationStatuses);
export const strengthMetricSchema = z.enum(strengthMetrics);
export const isoDateSchema = z.iso.date();
export const idParamsSchema = z.object({ id: z.uuid() });

export const plankSchema = z.object({
  title: z.string().trim().min(1).max(200),
  text: z.string().trim().min(1).max(10_000),
});
export const planksSchema = z.array(plankSchema).max(100);

export const fractionSchema = z
  .object({ num: z.number().int().min(0).max(1000), den: z.number().int().min(1).max(1000) })
  .refine((f) => f.num <= f.den, { message: 'num must not exceed den' });

export const admissionRuleSchema: z.ZodType<AdmissionRule> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(admissionRuleSchema).max(20) }),
    z.strictObject({ any: z.array(admissionRuleSchema).max(20) }),
    z.strictObject({
      metric: strengthMetricSchema,
      atLeast: z.number().int().min(0),
      verifiedOnly: z.boolean().optional(),
      withinDays: z.number().int().positive().optional(),
    }),
    z.strictObject({ charterRatified: z.literal(true) }),
  ]),
);

export const governanceSettingsSchema = z.object({
  admissionRule: admissionRuleSchema,
  /** Default quorum of new decisions: this share of eligible organizations must cast a ballot. */
  quorum: fractionSchema,
  /** Strength figure that weighs votes under strength weighting. */
  strengthMetric: strengthMetricSchema,
  /** Default cap on any one member's share of the total weight, in thousandths; null for none. */
  weightCapPermille: z.number().int().min(1).max(1000).nullable(),
  /**
   * Secret ballots: a published tally must fit at least this many ways the organizations could
   * have voted (k of docs/security.md "Secret ballots"); coarser figures are published otherwise.
   */
  secrecyK: z.number().int().min(2).max(1000),
  /** Default voting window of new decisions. */
  votingWindowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
});
export type GovernanceSettings = z.infer<typeof governanceSettingsSchema>;
export const settingsPatchSchema = governanceSettingsSchema.partial();

export const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: organizationKindSchema,
  parentId: z.uuid().nullable(),
  status: organizationStatusSchema,
  position: z.number().nullable(),
  description: z.string(),
  platform: planksSchema,
  homeJurisdictions: z.array(z.string()),
  /** Has ratified the current charter version. */
  charterRatified: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OrganizationView = z.infer<typeof organizationSchema>;

const jurisdictionsSchema = z.array(z.string().trim().min(1).max(40)).max(200);
const positionSchema = z.number().min(-1).max(1).describe('Self-declared left (-1) to right (+1) position');

export const createOrganizationSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: organizationKindSchema,
  /** The member a chapter belongs to (chapters only). */
  parentId: z.uuid().optional(),
  position: positionSchema.nullable().optional(),
  description: z.string().max(5000).optional(),
  platform: planksSchema.optional(),
  homeJurisdictions: jurisdictionsSchema.optional(),
  /** Register directly as a founding member (admin, only until the first decision closes). */
  founding: z.boolean().optional(),
});
export type CreateOrganizationInput = z.infer<typeof createOrganizationSchema>;

export const updateOrganizationSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  position: positionSchema.nullable().optional(),
  description: z.string().max(5000).optional(),
  platform: planksSchema.optional(),
  homeJurisdictions: jurisdictionsSchema.optional(),
});
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationSchema>;

/**
 * Bands of the left–right axis the directory filters by: left below −0.2, centre −0.2 to +0.2
 * (inclusive), right above +0.2, undeclared when no position is stated.
 */
export const positionBands = ['left', 'centre', 'right', 'undeclared'] as const;
export const positionBandSchema = z.enum(positionBands);
export type PositionBand = z.infer<typeof positionBandSchema>;

/** What the members directory filters by; the CLI takes these alone, every matching row. */
export const organizationsFilterSchema = z.object({
  status: organizationStatusSchema.optional(),
  kind: organizationKindSchema.optional(),
  q: z.string().trim().max(100).optional(),
  position: positionBandSchema.optional(),
});
export type OrganizationsFilter = z.output<typeof organizationsFilterSchema>;

/**
 * The filters, and keyset pages in name order (src/contract/cursor.ts): 50 a page unless asked, at
 * most 500; the cursor carries the coalition, the name and the id of the last row.
 */
export const organizationsQuerySchema = organizationsFilterSchema.extend(
  boundedPageQuerySchema('organizations', [z.uuid(), z.string().max(200), z.uuid()], 50).shape,
);
export type OrganizationsQuery = z.output<typeof organizationsQuerySchema>;

export const withdrawalSchema = z.object({ note: z.string().trim().min(1).max(2000) });

export const evidenceInputSchema = z.object({
  metric: strengthMetricSchema,
  value: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  asOf: isoDateSchema,
  source: z.string().trim().min(1).max(500),
  note: z.string().max(2000).optional(),
});
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

export const evidenceSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  metric: strengthMetricSchema,
  value: z.number(),
  asOf: isoDateSchema,
  source: z.string(),
  note: z.string(),
  verified: z.boolean(),
  verifiedAt: z.iso.datetime().nullable(),
  submittedAt: z.iso.datetime(),
});
export type EvidenceView = z.infer<typeof evidenceSchema>;

export const delegateSchema = z.object({ userId: z.uuid(), displayName: z.string() });
export const assignDelegateSchema = z.object({ email: z.email().transform((e) => e.toLowerCase()) });

export const statusChangeSchema = z.object({
  fromStatus: organizationStatusSchema.nullable(),
  toStatus: organizationStatusSchema,
  reason: z.enum(['application', 'founding', 'decision', 'withdrawal']),
  decisionId: z.uuid().nullable(),
  note: z.string(),
  at: z.iso.datetime(),
});

export const organizationDetailSchema = organizationSchema.extend({
  evidence: z.array(evidenceSchema),
  delegates: z.array(delegateSchema),
  history: z.array(statusChangeSchema),
  chapters: z.array(z.object({ id: z.uuid(), name: z.string(), status: organizationStatusSchema })),
});
export type OrganizationDetail = z.infer<typeof organizationDetailSchema>;

export const ruleCheckSchema = z.object({
  path: z.string(),
  rule: z.string(),
  passed: z.boolean(),
  actual: z.number().nullable(),
  required: z.number(),
  shortBy: z.number(),
  asOf: z.string().nullable(),
});

export const admissionCheckSchema = z.object({
  organizationId: z.uuid(),
  today: isoDateSchema,
  passed: z.boolean(),
  summary: z.string(),
  checks: z.array(ruleCheckSchema),
  failures: z.array(ruleCheckSchema),
});

export const charterVersionSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  planks: planksSchema,
  adoptedAt: z.iso.datetime(),
  decisionId: z.uuid().nullable(),
});

export const charterStatusSchema = z.object({
  current: charterVersionSchema.nullable(),
  ratified: z.array(z.object({ organizationId: z.uuid(), name: z.string(), ratifiedAt: z.iso.datetime() })),
  /** Members and applicants that have not ratified the current version. */
  notRatified: z.array(
    z.object({ organizationId: z.uuid(), name: z.string(), status: organizationStatusSchema }),
  ),
});

export const foundCharterSchema = z.object({ planks: planksSchema.min(1) });

export const coalitionOverviewSchema = z.object({
  coalition: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  settings: governanceSettingsSchema,
  charterVersion: z.number().int().nullable(),
  organizationsByStatus: z.record(organizationStatusSchema, z.number().int()),
});

/** A coalition's public look (docs/web.md "Public site"): colours as #rrggbb, a PNG or SVG logo. */
export const brandingLimits = { logoBytes: 64 * 1024 } as const;
const hexColourSchema = z.string().regex(hexColourPattern, 'a colour as #rrggbb, e.g. #0b5cad');
export const brandingInputSchema = z.object({
  /** The public header's background; its text is white or black, whichever reads better. */
  primaryColor: hexColourSchema,
  /** Links and buttons on the public pages' light background: must contrast 4.5:1 with white. */
  accentColor: hexColourSchema,
  /** A data URL: data:image/png;base64,… or data:image/svg+xml;base64,… (at most 64 KB decoded); null for none. */
  logo: z
    .string()
    .max(Math.ceil((brandingLimits.logoBytes * 4) / 3) + 40)
    .regex(
      /^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/,
      'a PNG or SVG image as a base64 data URL',
    )
    .nullable(),
});
export type BrandingInput = z.infer<typeof brandingInputSchema>;
export const brandingSchema = brandingInputSchema.extend({
  /** The text colours chosen for the primary and accent backgrounds. */
  primaryText: hexColourSchema,
  accentText: hexColourSchema,
});
export type Branding = z.infer<typeof brandingSchema>;

export const publicCoalitionListSchema = z.object({
  coalitions: z.array(z.object({ slug: z.string(), name: z.string(), branding: brandingSchema })),
});

export const publicCoalitionSchema = z.object({
  coalition: z.object({ slug: z.string(), name: z.string() }),
  branding: brandingSchema,
  /**
   * The head of the coalition's audit chain (sequence number, hash of that event, its time): copy
   * it anywhere; `concord audit verify --head <hash>@<seq>` later proves nothing up to it changed.
   */
  auditHead: z
    .object({ seq: z.number().int(), hash: z.string(), at: z.iso.datetime().nullable() })
    .nullable(),
  charter: charterVersionSchema.omit({ id: true, decisionId: true }).nullable(),
  members: z.array(
    organizationSchema.pick({
      id: true,
      name: true,
      kind: true,
      parentId: true,
      position: true,
      description: true,
      platform: true,
      homeJurisdictions: true,
    }),
  ),
});
