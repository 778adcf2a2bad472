import { z } from 'zod';

/** How far ahead "closing soon" looks, in hours: a week by default, at most 90 days. */
export const todayQuerySchema = z.object({
  withinHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(168),
});

const orgRefSchema = z.object({ organizationId: z.uuid(), name: z.string() });

export const awaitedDecisionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  secret: z.boolean(),
  closesAt: z.iso.datetime(),
  eligible: z.number().int(),
  voted: z.number().int(),
  /** Open ballots only: who has not voted yet. Null on a secret ballot, which shows counts only. */
  notVoted: z.array(orgRefSchema).nullable(),
  /** Delegates: whether their own organization is on the roll and has voted. */
  mine: z.object({ onRoll: z.boolean(), voted: z.boolean() }).nullable(),
});

export const awaitedConsentSchema = z.object({
  pactId: z.uuid(),
  pactName: z.string(),
  organization: orgRefSchema,
  /** Races given to this organization in the latest version that it has not consented to or objected to. */
  races: z.array(z.object({ key: z.string(), name: z.string() })),
});

export const todayResponseSchema = z.object({
  withinHours: z.number().int(),
  decisions: z.array(awaitedDecisionSchema),
  /** Staff: every applicant; a delegate: its own organization while it applies. */
  applications: z.array(z.object({ id: z.uuid(), name: z.string(), charterRatified: z.boolean() })),
  consents: z.array(awaitedConsentSchema),
});
export type TodayResponse = z.infer<typeof todayResponseSchema>;
