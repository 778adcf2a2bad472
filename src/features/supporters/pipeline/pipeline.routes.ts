import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { supportersContract as c } from '../supporters.contract.ts';
import { advancePipeline, pipelineView, setLadder } from './pipeline.service.ts';

/** The leadership pipeline of a member's own people (contracts in supporters.contract.ts). */
export const registerPipelineRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();
  registerEndpoint(app, c.pipeline, ({ actor }) => pipelineView(app.db, actor));
  registerEndpoint(app, c.setLadder, ({ actor, body }) =>
    tx.execute((trx) => setLadder(trx, actor, body.stages)),
  );
  registerEndpoint(app, c.advancePipeline, ({ actor }) => tx.execute((trx) => advancePipeline(trx, actor)));
};
