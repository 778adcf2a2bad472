import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { pactsContract } from '../pacts.contract.ts';
import { findCoalitionCandidates } from './public.service.ts';

/** The public site's "find the coalition's candidate": ratified pacts only, no sign-in. */
export const registerPublicPactRoutes: RoutesPlugin = async (app) => {
  registerEndpoint(app, pactsContract.publicCandidates, ({ params, query }) =>
    // A transaction: a ratification decision whose window has passed is closed on the way.
    app.db.transaction().execute((trx) => findCoalitionCandidates(trx, params.slug, query.jurisdiction)),
  );
};
