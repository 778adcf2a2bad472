import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { overlapContract as c } from './overlap.contract.ts';
import { approveOverlap, declineOverlap, listOverlapRuns, requestOverlap } from './overlap.service.ts';

/** Private overlap counts between two members (contracts in overlap.contract.ts). */
export const registerOverlapRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();
  registerEndpoint(app, c.overlaps, async ({ actor }) => ({ runs: await listOverlapRuns(app.db, actor) }));
  registerEndpoint(app, c.requestOverlap, ({ actor, body }) =>
    tx.execute((trx) => requestOverlap(trx, actor, body.partnerId)),
  );
  registerEndpoint(app, c.approveOverlap, ({ actor, params }) =>
    tx.execute((trx) => approveOverlap(trx, actor, params.id)),
  );
  registerEndpoint(app, c.declineOverlap, ({ actor, params }) =>
    tx.execute((trx) => declineOverlap(trx, actor, params.id)),
  );
};
