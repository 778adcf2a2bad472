import { z } from 'zod';
import { boundedPageQuerySchema, cursorTimestampSchema, nextCursorSchema } from '../../contract/cursor.ts';
import { candidateStatuses, rejectionReasons } from '../../core/tickets/lifecycle.ts';

/** Shared with the web app: every input and every view of candidates, lines, tickets and results. */

export const lineKindSchema = z.enum(['party', 'coalition', 'endorsement']);

export const lineInputSchema = z.object({
  kind: lineKindSchema,
  /** The member whose line (or endorsement) it is; staff may name any member, a delegate only its own. Omitted for the coalition line. */
  organizationId: z.uuid().optional(),
  /** The party name on the ballot (default: the member's name, or the coalition's). */
  label: z.string().trim().min(1).max(120).optional(),
  /** The candidate is an enrolled member of this line's party (NY: otherwise a Wilson-Pakula authorization is needed). */
  candidateIsMember: z.boolean().default(true),
  wilsonPakula: z.boolean().default(false),
});
export type LineInput = z.infer<typeof lineInputSchema>;

export const factsSchema = z.object({
  writeInPrimaryWon: z.boolean().nullable().default(null),
  manualRuling: z
    .object({
      allowed: z.boolean(),
      note: z.string().trim().min(1).max(2000),
      by: z.string(),
      at: z.string(),
    })
    .nullable()
    .default(null),
});
export type Facts = z.infer<typeof factsSchema>;

export const proposeCandidateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  raceId: z.uuid(),
  /** The proposing member; a delegate may omit it (its own). */
  organizationId: z.uuid().optional(),
  /** Lines beyond the proposer's own party line (default: that one line). */
  lines: z.array(lineInputSchema).max(10).optional(),
  writeInPrimaryWon: z.boolean().optional(),
});
export type ProposeCandidateInput = z.infer<typeof proposeCandidateSchema>;

export const transitionSchema = z.object({
  action: z.enum(['file', 'certify', 'reject', 'elect', 'defeat']),
  reason: z.enum(rejectionReasons).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type TransitionInput = z.infer<typeof transitionSchema>;

export const recordFactsSchema = z.object({
  writeInPrimaryWon: z.boolean().nullable().optional(),
  manualRuling: z
    .object({ allowed: z.boolean(), note: z.string().trim().min(1).max(2000) })
    .nullable()
    .optional(),
});

export const checkSchema = z.object({
  raceId: z.uuid(),
  organizationId: z.uuid().optional(),
  lines: z.array(lineInputSchema).max(10),
  writeInPrimaryWon: z.boolean().nullable().optional(),
});
export type CheckInput = z.infer<typeof checkSchema>;

const problemSchema = z.object({ code: z.string(), message: z.string() }).loose();

export const ruleCheckSchema = z.object({
  ok: z.boolean(),
  fusion: z.object({
    ok: z.boolean(),
    partyLines: z.number().int(),
    display: z.enum(['separate', 'aggregated', 'single']),
    problems: z.array(problemSchema),
    rule: z.object({
      statePo: z.string().nullable(),
      law: z.string(),
      notes: z.string(),
      source: z.string(),
      asOf: z.string(),
    }),
  }),
  pact: z.object({ ok: z.boolean(), findings: z.array(problemSchema) }),
});
export type RuleCheck = z.infer<typeof ruleCheckSchema>;

export const lineViewSchema = z.object({
  id: z.uuid(),
  kind: lineKindSchema,
  organizationId: z.uuid().nullable(),
  memberName: z.string().nullable(),
  label: z.string(),
  candidateIsMember: z.boolean(),
  wilsonPakula: z.boolean(),
});

export const dissidentSchema = z.object({
  pactId: z.uuid(),
  pactName: z.string(),
  raceKey: z.string(),
  assignedTo: z.uuid(),
  assignedToName: z.string(),
  dissident: z.uuid(),
});
export type DissidentView = z.infer<typeof dissidentSchema>;

export const raceRefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  office: z.string(),
  electionName: z.string(),
  electionDate: z.string(),
  filingDeadline: z.string().nullable(),
  jurisdictionId: z.uuid(),
  jurisdictionKey: z.string(),
  statePo: z.string().nullable(),
  country: z.string(),
});
export type RaceRef = z.infer<typeof raceRefSchema>;

/**
 * The search for a race to propose a candidate for: `q` matches part of the race's name, its office
 * or its place's name; `state` is the two-letter code of its state. Keyset pages in name order
 * (src/contract/cursor.ts), 20 a page unless asked: the coalition's races grow with every import.
 */
export const raceSearchQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    state: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, 'Two letters, like NY')
      .transform((s) => s.toUpperCase())
      .optional(),
  })
  .extend(boundedPageQuerySchema('races', [z.uuid(), z.string().max(1_000), z.uuid()], 20).shape);
export type RaceSearchQuery = z.output<typeof raceSearchQuerySchema>;
export const raceSearchPageSchema = z.object({ races: z.array(raceRefSchema), nextCursor: nextCursorSchema });

export const candidateViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organizationId: z.uuid(),
  memberName: z.string(),
  status: z.enum(candidateStatuses),
  statusReason: z.string().nullable(),
  race: raceRefSchema,
  lines: z.array(lineViewSchema),
  facts: factsSchema,
  endorsementDecisionId: z.uuid().nullable(),
  dissident: z.array(dissidentSchema),
  dispute: z.object({ decisionId: z.uuid().nullable(), outcome: z.string().nullable() }),
  check: ruleCheckSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CandidateView = z.infer<typeof candidateViewSchema>;

export const candidateFilterSchema = z.object({
  status: z.enum(candidateStatuses).optional(),
  organizationId: z.uuid().optional(),
  raceId: z.uuid().optional(),
  state: z.string().length(2).optional(),
  // stringbool, not coerce: a coerced 'false' would be true.
  dissident: z.stringbool().optional(),
  q: z.string().max(100).optional(),
});
export type CandidateFilter = z.infer<typeof candidateFilterSchema>;

/** The candidates list's filters and keyset pages, oldest first (src/contract/cursor.ts): 100 a page unless asked. */
export const candidateListQuerySchema = candidateFilterSchema.extend(
  boundedPageQuerySchema('candidates', [z.uuid(), cursorTimestampSchema, z.uuid()], 100).shape,
);
export type CandidateListQuery = z.output<typeof candidateListQuerySchema>;

export const settingsSchema = z.object({
  endorsementBy: z.enum(['secretariat', 'decision']),
  splitTicket: z.boolean(),
  nonUsMultipleLines: z.boolean(),
  coalitionLineStates: z.array(z.string().length(2)),
});
export type TicketSettings = z.infer<typeof settingsSchema>;
export const settingsPatchSchema = settingsSchema.partial();

export const nationalTicketInputSchema = z.object({
  cycle: z.number().int().min(1900).max(2200),
  office: z.string().trim().min(1).max(80).default('us_president'),
  top: z.object({ name: z.string().trim().min(1).max(200), organizationId: z.uuid() }),
  second: z.object({ name: z.string().trim().min(1).max(200), organizationId: z.uuid() }),
  /** When the ticket breaks the split rule: put it to an override decision instead of refusing it. */
  requestOverride: z.boolean().default(false),
  /** The override decision's threshold (default 2/3). */
  overrideThreshold: z.object({ num: z.number().int().min(1), den: z.number().int().min(1) }).optional(),
  closesAt: z.iso.datetime({ offset: true }).optional(),
});
export type NationalTicketInput = z.infer<typeof nationalTicketInputSchema>;

export const nationalTicketViewSchema = z.object({
  id: z.uuid(),
  cycle: z.number().int(),
  office: z.string(),
  top: z.object({
    name: z.string(),
    organizationId: z.uuid(),
    memberName: z.string(),
    side: z.string().nullable(),
  }),
  second: z.object({
    name: z.string(),
    organizationId: z.uuid(),
    memberName: z.string(),
    side: z.string().nullable(),
  }),
  status: z.enum(['accepted', 'pending_override', 'refused']),
  problems: z.array(problemSchema),
  overrideDecisionId: z.uuid().nullable(),
  overridden: z.boolean(),
});
export type NationalTicketView = z.infer<typeof nationalTicketViewSchema>;

export const resultsImportSchema = z.object({
  file: z.string().max(200).default('results.csv'),
  text: z.string().max(20_000_000),
  dryRun: z.boolean().default(false),
});

export const resultsImportReportSchema = z.object({
  dryRun: z.boolean(),
  races: z.number().int(),
  rows: z.number().int(),
  matchedCandidates: z.number().int(),
  statusChanges: z.array(
    z.object({ candidateId: z.uuid(), name: z.string(), to: z.enum(['elected', 'defeated']) }),
  ),
});

export const alertSchema = z.object({
  candidateId: z.uuid(),
  candidateName: z.string(),
  raceName: z.string(),
  status: z.enum(candidateStatuses),
  dissident: z.array(dissidentSchema),
  dissidentMember: z.string(),
  dispute: z.object({ decisionId: z.uuid().nullable(), outcome: z.string().nullable() }),
});

/** One event of a candidate's audit trail (transitions, lines, flags, refused fusion attempts). */
export const historyEventSchema = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  message: z.string().nullable(),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;

/** src/core/tickets/retention.ts `RetentionReading`: how a clear rule's text reads as arithmetic. */
const retentionReadingSchema = z.object({
  statePo: z.string(),
  readsFrom: z.string(),
  offices: z
    .array(
      z.enum([
        'us_president',
        'governor',
        'us_senate',
        'secretary_of_state',
        'us_house',
        'general_assembly',
        'statewide',
      ]),
    )
    .readonly(),
  share: z.object({ num: z.number(), den: z.number() }),
  base: z.enum(['race_total', 'winner_votes']),
  minVotes: z.number().nullable(),
  strict: z.boolean(),
  otherRoute: z.string().nullable(),
});

/** src/core/tickets/retention.ts `RetentionVerdict`: computed where the rule is clear, else manual. */
const retentionVerdictSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['keeps', 'loses']),
    threshold: z.number(),
    lineVotes: z.number(),
    reading: retentionReadingSchema,
    ruleText: z.string(),
  }),
  z.object({
    kind: z.literal('manual'),
    reason: z.string(),
    ruleText: z.string(),
    threshold: z.number().nullable(),
  }),
]);

/** The results report (results.service.ts `pactResultsReport`): each ratified pact's promise, and line retention. */
export const resultsReportSchema = z.object({
  pacts: z.array(
    z.object({
      pactId: z.uuid(),
      pactName: z.string(),
      version: z.number().int(),
      members: z.array(
        z.object({
          organizationId: z.uuid(),
          name: z.string(),
          assigned: z.number().int(),
          won: z.number().int(),
          expectedWins: z.number(),
        }),
      ),
      costlyLosses: z.array(
        z.object({
          raceKey: z.string(),
          raceName: z.string(),
          assignedTo: z.uuid(),
          assignedToName: z.string(),
          winner: z.string(),
          margin: z.number(),
          taken: z.number(),
          takenBy: z.array(
            z.object({
              name: z.string(),
              organizationId: z.uuid(),
              memberName: z.string(),
              votes: z.number(),
              why: z.enum(['dissident', 'missing_cross_endorsement']),
            }),
          ),
        }),
      ),
      /** Race keys (codes) of the pact's races with no result imported yet. */
      missingResults: z.array(z.string()),
      /** The same races by name, for people to read. */
      missingRaceNames: z.array(z.string()),
    }),
  ),
  retention: z.array(
    z.object({
      raceId: z.uuid(),
      raceName: z.string(),
      statePo: z.string(),
      line: z.string(),
      organizationId: z.uuid(),
      lineVotes: z.number(),
      verdict: retentionVerdictSchema,
    }),
  ),
});
export type ResultsReport = z.infer<typeof resultsReportSchema>;
