import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { auditContract } from './audit.contract.ts';
import { listAuditEvents, verifyForActor } from './audit.views.ts';

export const registerAuditRoutes: RoutesPlugin = async (app) => {
  registerEndpoint(app, auditContract.events, ({ actor, query }) => listAuditEvents(app.db, actor, query));
  registerEndpoint(app, auditContract.verify, ({ actor }) => verifyForActor(app.db, actor));
};
