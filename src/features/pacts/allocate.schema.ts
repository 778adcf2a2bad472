/**
 * zod schemas of the pact file (DESIGN.md "Pact files") and of the allocation report. The CLI
 * validates files with them; the pact API will validate request and response bodies with them.
 * Semantic checks (unique ids, known references) are the engine's: src/core/allocate/validate.ts.
 */
import { z } from 'zod';
import type { AllocationReport, PactInput } from '../../core/allocate/index.ts';
import { invalid } from '../../core/errors.ts';

export const pactLimits = { members: 200, races: 50_000, idLength: 200 } as const;

const id = z.string().min(1).max(pactLimits.idLength);
const raceMember = z.strictObject({ race: id, member: id });
const presetRule = z.enum(['incumbent', 'strongest']);

export const PactFileSchema = z.strictObject({
  members: z
    .array(
      z.strictObject({
        id,
        weight: z.number().positive().finite(),
        position: z.number().min(-1).max(1).optional(),
      }),
    )
    .min(1)
    .max(pactLimits.members),
  races: z
    .array(
      z.strictObject({
        id,
        seats: z.number().int().min(1).optional(),
        votes: z.record(z.string().min(1), z.number().nonnegative().finite()),
        incumbent: id.optional(),
      }),
    )
    .max(pactLimits.races),
  apportionment: z.enum(['sainte-lague', 'dhondt', 'hare']).optional(),
  apportionBy: z.enum(['races', 'expectedWins']).optional(),
  transfer: z
    .strictObject({ sameSide: z.number().min(0).max(1), crossSide: z.number().min(0).max(1) })
    .optional(),
  uncertainty: z.number().positive().max(10).optional(),
  entitlement: z.enum(['enforce', 'report']).optional(),
  tierBalance: z.boolean().optional(),
  tierMargin: z.number().positive().lt(1).optional(),
  presets: z
    .array(z.union([presetRule, z.strictObject({ rule: presetRule, races: z.array(id).optional() })]))
    .optional(),
  locks: z.array(raceMember).optional(),
  vetoes: z.array(raceMember).optional(),
}) satisfies z.ZodType<PactInput>;

export type PactFile = z.infer<typeof PactFileSchema>;

const memberReport = z.object({
  entitlement: z.number(),
  apportioned: z.number().int(),
  seats: z.number().int(),
  expectedWins: z.number(),
  weight: z.number(),
  tiers: z
    .object({ safe: z.number().int(), contested: z.number().int(), difficult: z.number().int() })
    .optional(),
});

export const AllocationReportSchema = z.object({
  assignments: z.record(z.string(), z.string().nullable()),
  members: z.record(z.string(), memberReport),
  fairness: z.object({
    entitlementWithinOne: z.boolean(),
    wef1: z.boolean(),
    wef1Violations: z.array(z.object({ envious: z.string(), envied: z.string() })),
    entitlementViolations: z.array(z.string()),
  }),
  expectedWins: z.object({ pact: z.number(), noPact: z.number() }),
  explanations: z.record(z.string(), z.string()),
  solver: z.object({
    mode: z.enum(['heuristic', 'exact', 'manual']),
    objective: z.number(),
    gapToExact: z.number().nullable(),
    heuristicObjective: z.number(),
    exactObjective: z.number().nullable(),
    apportionment: z.enum(['sainte-lague', 'dhondt', 'hare']),
    apportionBy: z.enum(['races', 'expectedWins']),
    unconstrainedObjective: z.number().optional(),
    fairnessCost: z.number().optional(),
    wef1Rows: z.number().int().optional(),
    wef1Enforced: z.boolean().optional(),
    provenOptimal: z.boolean().optional(),
  }),
}) satisfies z.ZodType<AllocationReport>;

/** `members[0].weight` from zod's path array. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

/** Checks a parsed JSON value against the pact file schema; errors name every failing path. */
export function parsePactFile(raw: unknown, file = 'pact file'): PactFile {
  const result = PactFileSchema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: formatPath(issue.path) || '(root)',
    message: issue.message,
  }));
  const first = issues[0];
  throw invalid('pact.invalid_file', `${file}: ${first ? `${first.path}: ${first.message}` : 'invalid'}`, {
    file,
    issues,
  });
}
