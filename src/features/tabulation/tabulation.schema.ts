import { z } from 'zod';
import {
  defaultOptions,
  duplicateRules,
  methods,
  overvoteRules,
  tiebreakRules,
} from '../../core/tabulate/index.ts';

/**
 * Options of a count, as the CLI flags and the (future) HTTP route take them. Names and defaults
 * follow DESIGN.md "Ballot files"; `candidates`, `batchElimination`, `continueUntilTwo` and
 * `precision` are additions.
 */
export const tabulationOptionsSchema = z.object({
  method: z.enum(methods).default(defaultOptions.method),
  seats: z.coerce.number().int().min(1).max(10_000).default(defaultOptions.seats),
  overvote: z.enum(overvoteRules).default(defaultOptions.overvote),
  maxSkipped: z
    .union([z.literal('unlimited'), z.coerce.number().int().min(0)])
    .default('unlimited')
    .describe('consecutive skipped ranks allowed before a ballot exhausts'),
  duplicate: z.enum(duplicateRules).default(defaultOptions.duplicate),
  tiebreak: z.enum(tiebreakRules).default(defaultOptions.tiebreak),
  seed: z.string().min(1).max(200).default(defaultOptions.seed),
  candidates: z.array(z.string().trim().min(1).max(200)).min(1).max(32_000).optional(),
  batchElimination: z.boolean().default(false),
  continueUntilTwo: z.boolean().default(false),
  precision: z.coerce.number().int().min(3).max(30).default(defaultOptions.precision),
});

export type TabulationRequest = z.input<typeof tabulationOptionsSchema>;
export type TabulationSettings = z.output<typeof tabulationOptionsSchema>;

const tally = z.union([z.number(), z.string()]);
const name = z.string();

const roundSchema = z.object({
  round: z.number().int(),
  tallies: z.record(z.string(), tally),
  exhausted: tally,
  elected: z.array(name),
  eliminated: z.array(name),
  pass: z.number().int().optional(),
  quota: tally.optional(),
  lost: tally.optional(),
  surplusOf: name.optional(),
  keepFactors: z.record(z.string(), z.string()).optional(),
  iterations: z.number().int().optional(),
});

const purpose = z.enum(['elimination', 'election', 'surplus', 'ranking']);
const pairTable = z.record(z.string(), z.record(z.string(), z.number()));

/** The result as published (`--json`, the HTTP response): DESIGN's keys first, then additions. */
export const tabulationResultSchema = z.object({
  method: z.enum(methods),
  seats: z.number().int(),
  candidates: z.array(name),
  winners: z.array(name),
  ranking: z.array(name),
  rounds: z.array(roundSchema),
  tiebreaks: z.array(
    z.object({
      round: z.number().int(),
      purpose,
      tied: z.array(name),
      rule: z.enum(tiebreakRules),
      chosen: name.nullable(),
      detail: z.string(),
    }),
  ),
  condorcetWinner: name.nullable(),
  outcome: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('complete') }),
    z.object({ kind: z.literal('tie'), round: z.number().int(), purpose, tied: z.array(name) }),
  ]),
  totalWeight: tally,
  ballots: z
    .object({ read: z.number().int(), groups: z.number().int() })
    .describe('ballots read, and the rows they were merged into'),
  quota: z.string().optional(),
  pairwise: pairTable.optional(),
  strongestPaths: pairTable.optional(),
});

export type PublishedTabulation = z.infer<typeof tabulationResultSchema>;
