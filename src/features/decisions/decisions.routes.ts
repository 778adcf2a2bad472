import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { castBallot } from './ballots.service.ts';
import { closeDecision } from './close.service.ts';
import { createDecision } from './create.service.ts';
import { decisionsContract as api } from './decisions.contract.ts';
import {
  findPublishedBallot,
  getDecisionView,
  listDecisionViews,
  listPublishedBallots,
} from './read.service.ts';

export const registerDecisionRoutes: RoutesPlugin = async (app) => {
  // Reads run in a transaction too: a decision whose window has passed is closed on the way.
  const tx = () => app.db.transaction();

  registerEndpoint(app, api.list, async ({ actor, query }) => ({
    decisions: await tx().execute((trx) => listDecisionViews(trx, actor, query)),
  }));
  registerEndpoint(app, api.create, ({ actor, body }) =>
    tx().execute((trx) => createDecision(trx, actor, body)),
  );
  registerEndpoint(app, api.get, ({ actor, params }) =>
    tx().execute((trx) => getDecisionView(trx, actor, params.id)),
  );
  registerEndpoint(app, api.castBallot, ({ actor, params, body }) =>
    tx().execute((trx) => castBallot(trx, actor, params.id, params.organizationId, body)),
  );
  registerEndpoint(app, api.publishedBallots, ({ actor, params }) =>
    tx().execute((trx) => listPublishedBallots(trx, actor, params.id)),
  );
  registerEndpoint(app, api.receipt, ({ actor, params }) =>
    tx().execute((trx) => findPublishedBallot(trx, actor, params.id, params.receipt)),
  );
  registerEndpoint(app, api.close, ({ actor, params }) =>
    tx().execute(async (trx) => {
      await closeDecision(trx, actor, params.id);
      return getDecisionView(trx, actor, params.id);
    }),
  );
};
