import { invalid } from '../../core/errors.ts';
import { type BallotStore, type TabulationOptions, tabulate } from '../../core/tabulate/index.ts';
import { type BallotSource, readBallotSource } from './ballot-source.ts';
import {
  type PublishedTabulation,
  type TabulationRequest,
  type TabulationSettings,
  tabulationOptionsSchema,
} from './tabulation.schema.ts';

/** Validates raw options (CLI flags, a request body) into settings, as a coded DomainError. */
export function parseTabulationOptions(raw: unknown): TabulationSettings {
  const parsed = tabulationOptionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') ?? 'options';
  throw invalid('tabulate.invalid_option', `invalid ${field}: ${issue?.message ?? 'invalid value'}`, {
    field,
    reason: issue?.message,
  });
}

export function engineOptions(settings: TabulationSettings): TabulationOptions {
  return {
    method: settings.method,
    seats: settings.seats,
    overvote: settings.overvote,
    maxSkipped: settings.maxSkipped === 'unlimited' ? null : settings.maxSkipped,
    duplicate: settings.duplicate,
    tiebreak: settings.tiebreak,
    seed: settings.seed,
    batchElimination: settings.batchElimination,
    continueUntilTwo: settings.continueUntilTwo,
    precision: settings.precision,
  };
}

/** Counts ballots already read: the step after `readBallotSource`, timed apart by the benchmark. */
export function countBallots(store: BallotStore, settings: TabulationSettings): PublishedTabulation {
  const result = tabulate(store, engineOptions(settings));
  return { ...result, ballots: { read: store.rows, groups: store.size } };
}

/**
 * Reads a ballot file (CSV or JSON, see docs/tabulation.md) and counts it. The one entry point of
 * the CLI and of the HTTP route: `source` is the file's text or a stream of its chunks. Bad input
 * throws a DomainError naming row, column and reason, and nothing is counted.
 */
export async function tabulateBallotFile(
  source: BallotSource,
  options: TabulationRequest,
): Promise<PublishedTabulation> {
  const settings = parseTabulationOptions(options);
  const store = await readBallotSource(source, { candidates: settings.candidates ?? null });
  return countBallots(store, settings);
}
