import { errorResponseSchema } from '../../../http/error-schema.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import {
  publicCandidatesParams,
  publicCandidatesQuerySchema,
  publicCandidatesSchema,
} from './public.schema.ts';
import { findCoalitionCandidates } from './public.service.ts';

/** The public site's "find the coalition's candidate": ratified pacts only, no sign-in. */
export const registerPublicPactRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/api/public/coalitions/:slug/candidates',
    {
      schema: {
        tags: ['public'],
        summary:
          'The coalition’s candidates for a place (no sign-in): every race of its ratified pacts there',
        description:
          'Races of ratified pacts only (drafts and pacts under vote are never shown) whose jurisdiction is the place, contains it (a statewide race for a county) or lies within it (a state’s districts). A county and a House district never match: the map data does not say which districts cross which counties. 404 `coalition.not_found`, 404 `map.jurisdiction_not_found`.',
        params: publicCandidatesParams,
        querystring: publicCandidatesQuerySchema,
        response: { 200: publicCandidatesSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    // Reads only (decision 0012): no transaction, no lock; a ratification past its window is counted.
    async (request) => findCoalitionCandidates(app.db, request.params.slug, request.query.jurisdiction),
  );
};
