import { z } from 'zod';

/** Shared with the web app: the shapes of supporters' data at the edge. */

export const consentChannels = ['email', 'phone', 'sms', 'post'] as const;
export const consentChannelSchema = z.enum(consentChannels);
export type ConsentChannel = z.infer<typeof consentChannelSchema>;
export const activityKinds = ['event', 'shift', 'petition', 'donation'] as const;
export const activityKindSchema = z.enum(activityKinds);

export const personIdParamsSchema = z.object({ id: z.uuid() });
const shortText = (max: number) => z.string().trim().max(max);
export const countyFipsSchema = z.string().regex(/^\d{5}$/, 'a county FIPS code is five digits');
export const customFieldNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N} _.-]+$/u, 'letters, digits, spaces, _ . - only');

export const addressSchema = z.object({
  line1: shortText(200).default(''),
  line2: shortText(200).default(''),
  city: shortText(100).default(''),
  state: shortText(50).default(''),
  postalCode: shortText(20).default(''),
  country: shortText(60).default(''),
  countyFips: countyFipsSchema.nullable().default(null),
});
export type Address = z.infer<typeof addressSchema>;

export const personInputSchema = z.object({
  externalId: shortText(200).nullable().default(null),
  firstName: shortText(200).default(''),
  lastName: shortText(200).default(''),
  emails: z.array(z.string().max(320)).max(10).default([]),
  phones: z.array(z.string().max(40)).max(10).default([]),
  address: addressSchema.default(addressSchema.parse({})),
  tags: z.array(shortText(80)).max(50).default([]),
  custom: z.record(customFieldNameSchema, z.string().max(2000)).default({}),
  notes: z.string().max(20_000).default(''),
});
export type PersonInput = z.infer<typeof personInputSchema>;
export const personPatchSchema = personInputSchema.partial();
export type PersonPatch = z.infer<typeof personPatchSchema>;

export const consentRecordSchema = z.object({
  id: z.uuid(),
  channel: consentChannelSchema,
  granted: z.boolean(),
  basis: z.string(),
  source: z.string(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawalSource: z.string().nullable(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

export const consentInputSchema = z.object({
  channel: consentChannelSchema,
  granted: z.boolean(),
  basis: z.enum(['consent', 'legitimate_interest', 'membership', 'legal_obligation']),
  source: shortText(200).min(1),
});
export type ConsentInput = z.infer<typeof consentInputSchema>;
export const withdrawalInputSchema = z.object({
  channel: consentChannelSchema,
  source: shortText(200).min(1),
});

export const activitySchema = z.object({
  id: z.uuid(),
  kind: activityKindSchema,
  occurredOn: z.iso.date(),
  label: z.string(),
  quantity: z.number().int().nullable(),
  amountCents: z.number().int().nullable(),
});
export const activityInputSchema = z
  .object({
    kind: activityKindSchema,
    occurredOn: z.iso.date(),
    label: shortText(200).default(''),
    quantity: z.number().int().min(0).max(1_000_000).nullable().default(null),
    amountCents: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  })
  .refine((a) => (a.kind === 'donation') === (a.amountCents !== null), {
    message: 'a donation has an amount (amountCents), and only a donation has one',
    path: ['amountCents'],
  });
export type ActivityInput = z.infer<typeof activityInputSchema>;

/** The fact of a dual membership: the other member's name, never its record. */
export const personLinkSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  basis: z.string(),
  source: z.string(),
  consentedAt: z.string(),
});

export const personSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  externalId: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  address: addressSchema,
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.string()),
  notes: z.string(),
  stage: z.string().nullable(),
  consent: z.record(consentChannelSchema, z.boolean()).describe('Whether each channel may be used now'),
  consents: z.array(consentRecordSchema),
  activities: z.array(activitySchema),
  links: z.array(personLinkSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PersonView = z.infer<typeof personSchema>;

export const personSummarySchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string(),
  countyFips: z.string().nullable(),
  tags: z.array(z.string()),
  stage: z.string().nullable(),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const peopleQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(80).optional(),
  county: countyFipsSchema.optional(),
  segment: z.uuid().optional(),
  cursor: z.string().max(600).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type PeopleQuery = z.infer<typeof peopleQuerySchema>;
export const peoplePageSchema = z.object({
  people: z.array(personSummarySchema),
  total: z.number().int(),
  nextCursor: z.string().nullable().describe('Opaque, sealed to your organization; pass back as cursor'),
});

export const customFieldInputSchema = z.object({ name: customFieldNameSchema, label: shortText(120).min(1) });
export const customFieldSchema = z.object({ name: z.string(), label: z.string() });

export const suppressedCountSchema = z.union([z.number().int(), z.literal('<10')]);
export const aggregatesSchema = z.object({
  total: suppressedCountSchema,
  byCounty: z.array(z.object({ countyFips: z.string(), count: suppressedCountSchema })),
  byTag: z.array(z.object({ tag: z.string(), count: suppressedCountSchema })),
  byMonth: z.array(z.object({ month: z.string(), count: suppressedCountSchema })),
});
export type Aggregates = z.infer<typeof aggregatesSchema>;

export const linkCodeInputSchema = z.object({
  targetOrganizationId: z.uuid(),
  basis: z.enum(['consent']).default('consent'),
  source: shortText(200).min(1),
});
export const linkCodeSchema = z.object({
  code: z.string().describe('Give it to the person; the other member redeems it on its own record'),
  expiresAt: z.string(),
});
export const redeemLinkInputSchema = z.object({ code: z.string().trim().min(10).max(100) });

/** One private overlap count between two members, as each of them sees it. */
export interface OverlapRunView {
  id: string;
  requester: { id: string; name: string };
  partner: { id: string; name: string };
  status: 'requested' | 'declined' | 'completed';
  /** Yours to answer: you are the partner of a pending request. */
  awaitingYou: boolean;
  requestedAt: string;
  decidedAt: string | null;
  /** People both members hold, under 10 shown as "<10"; null until the run completes. */
  sharedCount: number | '<10' | null;
}
