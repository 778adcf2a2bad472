import { Readable } from 'node:stream';
import { roles } from '../../core/actor.ts';
import { invalid } from '../../core/errors.ts';
import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { capBytes } from './ballot-source.ts';
import { ballotFileTypes, tabulationContract, tabulationUploadLimits } from './tabulation.contract.ts';
import { tabulateBallotFile } from './tabulation.service.ts';

export const registerTabulationRoutes: RoutesPlugin = async (app) => {
  // Scoped to this plugin: other routes keep Fastify's JSON body parser.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(ballotFileTypes, (_request, payload, done) => done(null, payload));

  registerEndpoint(
    app,
    tabulationContract.tabulate,
    async ({ query }, request) => {
      if (!(request.body instanceof Readable)) {
        throw invalid(
          'ballot.missing_file',
          `Send the ballot file as the body, as ${ballotFileTypes.join(' or ')}.`,
        );
      }
      return tabulateBallotFile(capBytes(request.body, tabulationUploadLimits.maxBytes), query);
    },
    // Any signed-in role may count a file; anonymous uploads are refused before the body is read.
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' }, uploadRoles: roles } },
  );
};
