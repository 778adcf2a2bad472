import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { castBallot } from './ballots.service.ts';
import { closeDecision, closeDueDecisions } from './close.service.ts';
import { createDecision } from './create.service.ts';
import { decisionsContract as api } from './decisions.contract.ts';
import {
  findPublishedBallot,
  getDecisionView,
  listDecisionPage,
  listPublishedBallots,
} from './read.service.ts';

export const registerDecisionRoutes: RoutesPlugin = async (app) => {
  const tx = () => app.db.transaction();
  // The first write after a deadline stores the close, in its own transaction (a cast refused as
  // too late must not roll the close back); reads never write (docs/decisions/0012).
  const closeDue = (coalitionId: string) =>
    tx().execute((trx) => closeDueDecisions(trx, coalitionId, new Date()));

  // Reads cached for a second per reader while no change is notified (src/http/read-cache.ts).
  registerEndpoint(app, api.list, ({ actor, query }) => listDecisionPage(app.db, actor, query), {
    cache: true,
  });
  registerEndpoint(app, api.create, async ({ actor, body }) => {
    await closeDue(actor.coalitionId);
    return tx().execute((trx) => createDecision(trx, actor, body));
  });
  registerEndpoint(app, api.get, ({ actor, params }) => getDecisionView(app.db, actor, params.id), {
    cache: true,
  });
  registerEndpoint(app, api.castBallot, async ({ actor, params, body }) => {
    await closeDue(actor.coalitionId);
    return tx().execute((trx) => castBallot(trx, actor, params.id, params.organizationId, body));
  });
  registerEndpoint(app, api.publishedBallots, ({ actor, params }) =>
    listPublishedBallots(app.db, actor, params.id),
  );
  registerEndpoint(app, api.receipt, ({ actor, params }) =>
    findPublishedBallot(app.db, actor, params.id, params.receipt),
  );
  registerEndpoint(app, api.close, ({ actor, params }) =>
    tx().execute(async (trx) => {
      await closeDecision(trx, actor, params.id);
      return getDecisionView(trx, actor, params.id);
    }),
  );
};
