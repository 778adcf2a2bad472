import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { todayContract } from './today.contract.ts';
import { getToday } from './today.service.ts';

export const registerTodayRoutes: RoutesPlugin = async (app) => {
  registerEndpoint(app, todayContract.today, ({ actor, query }) =>
    getToday(app.db, actor, query.withinHours),
  );
};
