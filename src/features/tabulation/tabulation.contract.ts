/** The tabulation API, one contract per endpoint (docs/architecture.md, "One contract per endpoint"). */
import { z } from 'zod';
import { endpointsOf } from '../../contract/endpoint.ts';
import { type CodeOf, defineErrors } from '../../contract/errors.ts';
import { tabulationOptionsSchema, tabulationResultSchema } from './tabulation.schema.ts';

const flag = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

/** The CLI's flags as query parameters: the same names, booleans as true/false, candidates comma-separated. */
export const tabulationQuerySchema = tabulationOptionsSchema
  .extend({
    candidates: z
      .string()
      .max(1_000_000)
      .transform((list) => list.split(',').map((name) => name.trim()))
      .optional()
      .describe('the candidate list, comma-separated; names outside it are errors'),
    batchElimination: flag,
    continueUntilTwo: flag,
  })
  .partial();

/**
 * Upload cap: CSV and JSON are both read as they arrive (row by row, ballot by ballot), so memory
 * follows the distinct ballots, not the file; the byte cap bounds the time one upload can take.
 */
export const tabulationUploadLimits = { maxBytes: 256 * 1024 * 1024 };

/** Ballot files reach the service as the raw request stream: never parsed whole, never buffered. */
export const ballotFileTypes = ['text/csv', 'text/plain', 'application/json'];

/** Every code a count answers: the ballot file's (src/core/tabulate) and the options'. */
export const tabulationErrors = defineErrors({
  'auth.rate_limited': 'rate_limited',
  'ballot.candidate_list_conflict': 'invalid',
  'ballot.empty_file': 'invalid',
  'ballot.file_unreadable': 'invalid',
  'ballot.file_too_large': 'invalid',
  'ballot.invalid_candidate_list': 'invalid',
  'ballot.invalid_encoding': 'invalid',
  'ballot.invalid_header': 'invalid',
  'ballot.invalid_json': 'invalid',
  'ballot.missing_file': 'invalid',
  'ballot.no_candidates': 'invalid',
  'ballot.unknown_candidate': 'invalid',
  'ballot.negative_weight': 'invalid',
  'ballot.malformed_overvote': 'invalid',
  'ballot.malformed_csv': 'invalid',
  'ballot.invalid_weight': 'invalid',
  'ballot.invalid_candidate_name': 'invalid',
  'ballot.column_count': 'invalid',
  'ballot.row_too_long': 'invalid',
  'ballot.too_many_candidates': 'invalid',
  'ballot.total_weight_too_large': 'invalid',
  'ballot.weight_precision': 'invalid',
  'tabulate.invalid_option': 'invalid',
  'tabulate.too_many_candidates': 'invalid',
});
export type TabulationErrorCode = CodeOf<typeof tabulationErrors>;

const endpoint = endpointsOf('tabulation', tabulationErrors);

export const tabulationContract = {
  /** The body is the ballot file itself (a stream), so the contract has no body schema. */
  tabulate: endpoint({
    method: 'POST',
    path: '/api/tabulate',
    auth: 'session',
    summary: 'Count an uploaded ballot file (CSV or JSON, as `concord tabulate`)',
    description:
      'Send the file as the body with Content-Type text/csv or application/json, and the options ' +
      'as query parameters (method, seats, overvote, maxSkipped, duplicate, tiebreak, seed, candidates, ' +
      'batchElimination, continueUntilTwo, precision). Bad input answers 400 naming row, column and reason.',
    query: tabulationQuerySchema,
    response: tabulationResultSchema,
    errors: Object.keys(tabulationErrors) as TabulationErrorCode[],
  }),
};
