import { z } from 'zod';

/** The tables whose rows the chain vouches for (row hashes in each event's payload). */
export const coveredTables = [
  'decisions',
  'ballots',
  'organizations',
  'pacts',
  // A pact's versions and the ratification that names which version a decision ratifies: an
  // edited result or a swapped version id would change the public pact without a decision.
  'pact_versions',
  'pact_ratifications',
  // The charter members ratify, the evidence that decides admission and weights, the coalition's
  // rules and every change of a member's status: a rival member relies on each of them.
  'charter_versions',
  'charter_ratifications',
  'strength_evidence',
  'governance_settings',
  'organization_status_changes',
  // Tickets: who runs where on whose line, the national ticket, the coalition's fusion settings and
  // the imported results the pact's next run starts from.
  'candidates',
  'candidate_lines',
  'national_tickets',
  'ticket_settings',
  'candidate_results',
  // Petitions: the coalition's own requirements, the drives and the counts that say whether a
  // member qualifies. Signers and circulators are people (supporters' data) and stay erasable.
  'petition_requirements',
  'petition_drives',
  'petition_packets',
  'petition_checks',
] as const;
export type CoveredTable = (typeof coveredTables)[number];

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/** One event as the API and `concord audit export` give it (export: one per line, canonical JSON). */
export const auditEventSchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  actor: z.object({ userId: z.string(), role: z.string(), organizationId: z.string().nullable() }).nullable(),
  action: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }).nullable(),
  payload: z.record(z.string(), z.unknown()),
  prevHash: hex64,
  hash: hex64,
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

export const auditEventsQuerySchema = z.object({
  afterSeq: z.coerce.number().int().min(0).default(0),
  beforeSeq: z.coerce.number().int().min(1).optional().describe('newest first: events before this seq'),
  order: z.enum(['asc', 'desc']).default('asc').describe('asc: chain order; desc: newest first'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  action: z.string().max(100).optional(),
  subjectId: z.string().max(100).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("free text: the action, the payload, the subject or the actor's name contains it"),
});

/** An event as the API lists it: the chain's fields and the acting user's name. */
export const auditEventListedSchema = auditEventSchema.extend({
  actorName: z.string().nullable().describe("the acting user's display name; null for the system"),
});

export const auditEventsResponseSchema = z.object({
  events: z.array(auditEventListedSchema),
  /** Pass as afterSeq for the next page in chain order; null at the end. */
  nextAfterSeq: z.number().int().nullable(),
  /** Newest first: pass as beforeSeq for the next (older) page; null at the end. */
  nextBeforeSeq: z.number().int().nullable(),
});

export const chainBreakSchema = z.object({
  reason: z.enum([
    'seq_gap',
    'prev_hash_mismatch',
    'hash_mismatch',
    'head_mismatch',
    'published_head_mismatch',
    'published_head_missing',
  ]),
  seq: z.number().int(),
  expected: z.string().optional(),
  found: z.string().optional(),
  expectedSeq: z.number().int().optional(),
});

export const verifyResponseSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  firstBroken: chainBreakSchema.nullable(),
  /** Covered rows (coveredTables) replayed against the chain. */
  rows: z
    .object({
      checked: z.number().int(),
      unexplained: z.array(
        z.object({
          table: z.enum(coveredTables),
          id: z.string(),
          problem: z.enum(['changed', 'unrecorded', 'missing']),
          lastSeq: z.number().int().nullable(),
        }),
      ),
      baselineSeq: z.number().int().nullable(),
    })
    .nullable(),
  message: z.string(),
});

/** A head published earlier, as `concord audit head` prints it: `<hash>@<seq>`. */
export const publishedHeadPattern = /^([0-9a-f]{64})@([1-9][0-9]*)$/;

export function parsePublishedHead(text: string): { hash: string; seq: number } | null {
  const match = publishedHeadPattern.exec(text.trim());
  return match?.[1] && match[2] ? { hash: match[1], seq: Number(match[2]) } : null;
}

export const verifyQuerySchema = z.object({
  /** Also check the chain against a head published earlier: `<hash>@<seq>`. */
  head: z.string().regex(publishedHeadPattern, 'a published head is <64 hex digits>@<seq>').optional(),
});

/** The chain head: the hash of its last event, which anyone can copy and compare later. */
export const chainHeadSchema = z.object({
  seq: z.number().int(),
  hash: hex64,
  at: z.iso.datetime().nullable(),
});
