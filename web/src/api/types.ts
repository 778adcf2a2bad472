/**
 * API payload types, inferred from the server's zod schemas. Type-only imports are erased at build
 * time, so no server code (and no zod) enters the bundle.
 */
import type { z } from 'zod';
import type { auditEventSchema } from '../../../src/features/audit/audit.schema.ts';
import type {
  ballotInputSchema,
  createDecisionSchema,
  decisionSchema,
  decisionSummarySchema,
  publishedBallotSchema,
} from '../../../src/features/decisions/decisions.schema.ts';
import type {
  admissionCheckSchema,
  charterStatusSchema,
  coalitionOverviewSchema,
  createOrganizationSchema,
  evidenceInputSchema,
  organizationDetailSchema,
  organizationSchema,
  organizationsFilterSchema,
  publicCoalitionSchema,
  ruleCheckSchema,
  updateOrganizationSchema,
} from '../../../src/features/registry/registry.schema.ts';

export type Organization = z.infer<typeof organizationSchema>;
export type OrganizationDetail = z.infer<typeof organizationDetailSchema>;
export type OrganizationKind = Organization['kind'];
export type OrganizationStatus = Organization['status'];
export type OrganizationsFilter = z.input<typeof organizationsFilterSchema>;
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;
export type UpdateOrganizationInput = z.input<typeof updateOrganizationSchema>;
export type Delegate = OrganizationDetail['delegates'][number];
export type Evidence = OrganizationDetail['evidence'][number];
export type EvidenceInput = z.input<typeof evidenceInputSchema>;
export type StrengthMetric = Evidence['metric'];
export type Plank = Organization['platform'][number];
export type AdmissionCheck = z.infer<typeof admissionCheckSchema>;
export type RuleCheck = z.infer<typeof ruleCheckSchema>;
export type CharterStatus = z.infer<typeof charterStatusSchema>;
export type CharterVersion = NonNullable<CharterStatus['current']>;
export type CoalitionOverview = z.infer<typeof coalitionOverviewSchema>;
export type PublicCoalition = z.infer<typeof publicCoalitionSchema>;

export type Decision = z.infer<typeof decisionSchema>;
export type DecisionSummary = z.infer<typeof decisionSummarySchema>;
export type DecisionKind = Decision['kind'];
export type DecisionMethod = Decision['method'];
export type DecisionResult = NonNullable<Decision['result']>;
/** An organization's weight in thousandths per option, summing to 1000 (70/30 is 700/300/0). */
export type Split = NonNullable<NonNullable<Decision['myBallot']>['split']>;
/** A ranked ballot: one or more rankings, each with a share of the weight in thousandths. */
export type RankedParts = NonNullable<NonNullable<Decision['myBallot']>['parts']>;
export type RankedCount = NonNullable<DecisionResult['ranked']>;
export type MajorityTally = NonNullable<DecisionResult['tally']>;
export type BallotInput = z.input<typeof ballotInputSchema>;
export type CreateDecisionInput = z.input<typeof createDecisionSchema>;
export type PublishedBallot = z.infer<typeof publishedBallotSchema>;

export type AuditEvent = z.infer<typeof auditEventSchema>;
