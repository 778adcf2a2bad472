import { z } from 'zod';
import { boundedPageQuerySchema, nextCursorSchema } from '../../contract/cursor.ts';

/** Limits shared with the web app. */
export const petitionLimits = { name: 200, text: 4000, csvBytes: 5_000_000 } as const;

export const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
const count = z.number().int().min(0);

export const requirementKindSchema = z.enum([
  'party_recognition',
  'independent_candidate',
  'initiative',
  'candidacy',
  'other',
]);
export const numberStatusSchema = z.enum(['computed', 'copied', 'missing']);

export const requirementSchema = z.object({
  id: z.uuid(),
  key: z.string().nullable(),
  origin: z.enum(['shipped', 'coalition']),
  country: z.string(),
  jurisdiction: z.string(),
  jurisdictionName: z.string(),
  kind: requirementKindSchema,
  title: z.string(),
  signatures: z.number().int().nullable(),
  numberStatus: numberStatusSchema,
  computation: z.string(),
  ruleText: z.string(),
  whoMaySign: z.string().nullable(),
  distribution: z.string().nullable(),
  deadline: z.string().nullable(),
  deadlineText: z.string(),
  verificationRule: z.string(),
  voters: z.number().int().nullable(),
  votersBasis: z.string().nullable(),
  /** Signatures per 1,000 voters (the latest presidential vote): how hard the requirement is. */
  perThousandVoters: z.number().nullable(),
  source: z.string(),
  asOf: z.string(),
});
export type RequirementView = z.infer<typeof requirementSchema>;

export const requirementsQuerySchema = z.object({
  country: z.string().max(8).optional(),
  kind: requirementKindSchema.optional(),
});

export const createRequirementSchema = z.object({
  country: z.string().trim().min(2).max(8),
  jurisdiction: z.string().trim().min(1).max(petitionLimits.name),
  jurisdictionName: z.string().trim().min(1).max(petitionLimits.name),
  kind: requirementKindSchema,
  title: z.string().trim().min(1).max(petitionLimits.name),
  signatures: z.number().int().positive().nullable(),
  ruleText: z.string().trim().min(1).max(petitionLimits.text),
  whoMaySign: z.string().trim().max(petitionLimits.name).nullable().optional(),
  distribution: z.string().trim().max(petitionLimits.text).nullable().optional(),
  deadline: isoDaySchema.nullable().optional(),
  deadlineText: z.string().trim().max(petitionLimits.text).optional(),
  verificationRule: z.string().max(40).optional(),
  voters: z.number().int().positive().nullable().optional(),
  source: z.string().trim().min(1).max(petitionLimits.text),
  asOf: z.string().trim().min(1).max(40),
});
export type CreateRequirementInput = z.infer<typeof createRequirementSchema>;

export const verificationRuleSchema = z.object({
  key: z.string(),
  jurisdiction: z.string(),
  name: z.string(),
  petitionTypes: z.string(),
  method: z.enum(['random_sample', 'full_count']),
  summary: z.string(),
  cure: z.string().nullable(),
  cureDays: z.number().int().nullable(),
  sources: z.array(z.string()),
  notes: z.string(),
});

export const driveTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member') }),
  /** A candidate picked from the tickets feature (`candidateId`: its name is taken from there), or by name. */
  z
    .object({
      kind: z.literal('candidate'),
      candidateId: z.uuid().optional(),
      name: z.string().trim().min(1).max(petitionLimits.name).optional(),
    })
    .refine((t) => t.candidateId !== undefined || t.name !== undefined, {
      message: 'Pick a candidate (candidateId) or give a name.',
      path: ['name'],
    }),
  z.object({ kind: z.literal('initiative'), name: z.string().trim().min(1).max(petitionLimits.name) }),
]);

export const createDriveSchema = z.object({
  organizationId: z
    .uuid()
    .optional()
    .describe('The member running the drive; a member\u2019s own users may omit it'),
  requirementId: z.uuid(),
  name: z.string().trim().min(1).max(petitionLimits.name),
  target: driveTargetSchema,
  required: z.number().int().positive().optional().describe('Defaults to the requirement\u2019s number'),
  expectedValidity: z.number().gt(0).max(1).optional(),
  safetyMargin: z.number().min(1).max(3).optional(),
  startDay: isoDaySchema,
  dueDay: isoDaySchema,
  filingDay: isoDaySchema.nullable().optional(),
  cureDays: z.number().int().min(0).max(365).nullable().optional(),
  verificationRule: z.string().max(40).optional(),
});
export type CreateDriveInput = z.infer<typeof createDriveSchema>;

export const updateDriveSchema = z.object({
  required: z.number().int().positive().optional(),
  expectedValidity: z.number().gt(0).max(1).optional(),
  safetyMargin: z.number().min(1).max(3).optional(),
  dueDay: isoDaySchema.optional(),
  filingDay: isoDaySchema.nullable().optional(),
  cureDays: z.number().int().min(0).max(365).nullable().optional(),
});
export type UpdateDriveInput = z.infer<typeof updateDriveSchema>;

const intervalSchema = z.object({ low: z.number(), high: z.number() });
const reasonsSchema = z.object({
  not_registered: count,
  wrong_jurisdiction: count,
  duplicate: count,
  illegible: count,
  address_mismatch: count,
});
export const validityFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  checked: count,
  valid: count,
  rate: z.number().nullable(),
  interval: intervalSchema.nullable(),
  reasons: reasonsSchema,
});

export const driveSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  requirementId: z.uuid(),
  requirementTitle: z.string(),
  jurisdiction: z.string(),
  target: z.object({
    kind: z.enum(['member', 'candidate', 'initiative']),
    name: z.string(),
    /** The tickets feature's candidate behind a candidate drive, when it was picked there. */
    candidateId: z.uuid().nullable(),
  }),
  required: z.number().int(),
  expectedValidity: z.number(),
  safetyMargin: z.number(),
  targetRaw: z.number().int(),
  targetArithmetic: z.string(),
  startDay: z.string(),
  dueDay: z.string(),
  filingDay: z.string().nullable(),
  cureDays: z.number().int().nullable(),
  verificationRule: z.string(),
  collectedRaw: z.number().int(),
  projectedValid: z.number(),
  projectedInterval: intervalSchema,
  probabilityQualifying: z.number(),
  /** Whether the reader may see circulators, packets and checks (staff and the member's own users). */
  canManage: z.boolean(),
});

/** The drives list's keyset pages, soonest due first (src/contract/cursor.ts): 50 a page unless asked. */
export const driveListQuerySchema = boundedPageQuerySchema(
  'drives',
  [z.uuid(), z.iso.date(), z.string().max(petitionLimits.name), z.uuid()],
  50,
);
export type DriveListQuery = z.output<typeof driveListQuerySchema>;
export const driveListSchema = z.object({
  drives: z.array(driveSummarySchema),
  nextCursor: nextCursorSchema,
});
export type DriveSummary = z.infer<typeof driveSummarySchema>;

export const circulatorSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The supporters feature's person of the drive's member, when picked from its people. */
  personId: z.uuid().nullable(),
  packets: count,
  raw: count,
  validity: validityFigureSchema,
  outlier: z.object({
    flagged: z.boolean(),
    z: z.number().nullable(),
    pValue: z.number().nullable(),
    othersRate: z.number().nullable(),
    reason: z.string(),
  }),
});

export const packetSchema = z.object({
  id: z.uuid(),
  label: z.string(),
  circulatorId: z.uuid().nullable(),
  circulatorName: z.string().nullable(),
  county: z.string().nullable(),
  collectedOn: z.string(),
  rawCount: count,
  checked: count,
  valid: count,
});

export const checkSchema = z.object({
  id: z.uuid(),
  packetId: z.uuid(),
  packetLabel: z.string(),
  checkedOn: z.string(),
  linesChecked: count,
  linesValid: count,
  reasons: reasonsSchema,
});

export const driveDetailSchema = z.object({
  drive: driveSummarySchema,
  requirement: requirementSchema,
  rule: verificationRuleSchema,
  projection: z.object({
    asOfDay: z.string(),
    daysElapsed: count,
    daysRemaining: count,
    pacePerDay: z.number(),
    validity: z.object({
      estimate: z.number(),
      sd: z.number(),
      fromChecks: z.boolean(),
      priorWeight: z.number(),
    }),
    rawAtDeadline: z.object({ mean: z.number(), low: z.number(), high: z.number() }),
    validAtDeadline: z.object({ mean: z.number(), low: z.number(), high: z.number() }),
    probabilityQualifying: z.number(),
    verdict: z.object({
      outcome: z.enum(['qualifies', 'full_count', 'fails', 'fails_raw_count']),
      projectedValid: z.number().nullable(),
      projectedPercent: z.number().nullable(),
      steps: z.array(z.string()),
    }),
    burnUp: z.array(
      z.object({
        day: z.string(),
        raw: z.number().nullable(),
        projectedValid: z.number(),
        low: z.number(),
        high: z.number(),
      }),
    ),
  }),
  validity: z.object({
    overall: validityFigureSchema,
    byCounty: z.array(validityFigureSchema),
  }),
  /** Null when the reader is not staff and not the drive's member: circulators stay with their member. */
  circulators: z.array(circulatorSchema).nullable(),
  packets: z.array(packetSchema).nullable(),
  checks: z.array(checkSchema).nullable(),
  duplicates: z
    .array(
      z.object({
        key: z.string(),
        lines: z.array(z.object({ packetLabel: z.string(), line: z.number().int() })),
      }),
    )
    .nullable(),
  deadlines: z.array(z.object({ day: z.string(), kind: z.string(), title: z.string() })),
});
export type DriveDetail = z.infer<typeof driveDetailSchema>;

/** A circulator by plain name, or one of the member's own people (supporters) by `personId`. */
export const createCirculatorSchema = z
  .object({
    name: z.string().trim().min(1).max(petitionLimits.name).optional(),
    personId: z.uuid().optional(),
  })
  .refine((c) => c.name !== undefined || c.personId !== undefined, {
    message: 'Give a name or pick one of your people (personId).',
    path: ['name'],
  });

export const createPacketSchema = z.object({
  label: z.string().trim().min(1).max(60),
  circulatorName: z.string().trim().min(1).max(petitionLimits.name).nullable().optional(),
  county: z.string().trim().max(petitionLimits.name).nullable().optional(),
  collectedOn: isoDaySchema,
  rawCount: z.number().int().min(0).max(100_000),
});
export type CreatePacketInput = z.infer<typeof createPacketSchema>;

export const createCheckSchema = z.object({
  packetLabel: z.string().trim().min(1).max(60),
  checkedOn: isoDaySchema,
  linesChecked: z.number().int().positive().max(100_000),
  linesValid: count,
  notRegistered: count.optional(),
  wrongJurisdiction: count.optional(),
  duplicate: count.optional(),
  illegible: count.optional(),
  addressMismatch: count.optional(),
});
export type CreateCheckInput = z.infer<typeof createCheckSchema>;

export const importKindSchema = z.enum(['packets', 'checks', 'lines']);
export const importSchema = z.object({
  kind: importKindSchema,
  fileName: z.string().max(200).default('upload.csv'),
  csv: z.string().max(petitionLimits.csvBytes),
  dryRun: z.boolean().default(false),
});
export const importResultSchema = z.object({ kind: importKindSchema, rows: count, dryRun: z.boolean() });

export const deadlineSchema = z.object({
  day: z.string(),
  kind: z.enum(['requirement_deadline', 'petition_due', 'filing', 'cure_period_end']),
  title: z.string(),
  subject: z.object({ type: z.enum(['requirement', 'drive']), id: z.string() }),
  daysLeft: z.number().int(),
  level: z.union([z.literal(7), z.literal(14), z.literal(30)]).nullable(),
});
export const calendarSchema = z.object({ today: z.string(), deadlines: z.array(deadlineSchema) });

export const idParamsSchema = z.object({ id: z.uuid() });

/** The calendar feed token: whether one is live (the token itself is shown once, when issued). */
export const feedTokenStatusSchema = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
export const issuedFeedTokenSchema = z.object({
  token: z.string(),
  /** The feed's path with the token (the web app prefixes its origin). */
  path: z.string(),
  createdAt: z.string(),
});
