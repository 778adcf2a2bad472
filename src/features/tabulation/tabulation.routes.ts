import { Readable } from 'node:stream';
import { z } from 'zod';
import { roles } from '../../core/actor.ts';
import { invalid } from '../../core/errors.ts';
import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { capBytes } from './ballot-source.ts';
import { tabulationOptionsSchema, tabulationResultSchema } from './tabulation.schema.ts';
import { tabulateBallotFile } from './tabulation.service.ts';

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
 * Upload caps: CSV is read as it arrives, so memory follows the distinct ballots, not the file;
 * JSON is parsed whole, so it has a much smaller cap (large files go as CSV).
 */
export const tabulationUploadLimits = { maxBytes: 256 * 1024 * 1024, maxJsonLength: 16 * 1024 * 1024 };

/** Ballot files reach the service as the raw request stream: never parsed whole, never buffered. */
const ballotFileTypes = ['text/csv', 'text/plain', 'application/json'];

export const registerTabulationRoutes: RoutesPlugin = async (app) => {
  // Scoped to this plugin: other routes keep Fastify's JSON body parser.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(ballotFileTypes, (_request, payload, done) => done(null, payload));

  app.post(
    '/api/tabulate',
    {
      schema: {
        tags: ['tabulation'],
        summary: 'Count an uploaded ballot file (CSV or JSON, as `concord tabulate`)',
        description:
          'Send the file as the body with Content-Type text/csv or application/json, and the options ' +
          'as query parameters (method, seats, overvote, maxSkipped, duplicate, tiebreak, seed, candidates, ' +
          'batchElimination, continueUntilTwo, precision). Bad input answers 400 naming row, column and reason.',
        querystring: tabulationQuerySchema,
        response: { 200: tabulationResultSchema, ...commonErrorResponses, 429: errorResponseSchema },
      },
      // Any signed-in role may count a file; anonymous uploads are refused before the body is read.
      config: { rateLimit: { max: 30, timeWindow: '1 minute' }, uploadRoles: roles },
    },
    async (request) => {
      requireActor(request);
      if (!(request.body instanceof Readable)) {
        throw invalid(
          'ballot.missing_file',
          `Send the ballot file as the body, as ${ballotFileTypes.join(' or ')}.`,
        );
      }
      return tabulateBallotFile(capBytes(request.body, tabulationUploadLimits.maxBytes), request.query, {
        maxJsonLength: tabulationUploadLimits.maxJsonLength,
      });
    },
  );
};
