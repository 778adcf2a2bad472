import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { searchWorkspace } from './search.service.ts';
import { getToday } from './today.service.ts';
import { workspaceContract } from './workspace.contract.ts';

export const registerWorkspaceRoutes: RoutesPlugin = async (app) => {
  registerEndpoint(app, workspaceContract.today, ({ actor, query }) =>
    getToday(app.db, actor, query.withinHours),
  );
  registerEndpoint(app, workspaceContract.search, async ({ actor, query }) => ({
    hits: await searchWorkspace(app.db, actor, query.q, query.limit),
  }));
};
