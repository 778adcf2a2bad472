import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { auditContract } from './audit.contract.ts';
import { parsePublishedHead } from './audit.schema.ts';
import { headForActor, listAuditEvents, verifyForActor } from './audit.views.ts';

export const registerAuditRoutes: RoutesPlugin = async (app) => {
  registerEndpoint(app, auditContract.events, ({ actor, query }) => listAuditEvents(app.db, actor, query));
  registerEndpoint(app, auditContract.verify, ({ actor, query }) =>
    verifyForActor(app.db, actor, query.head ? parsePublishedHead(query.head) : null),
  );
  registerEndpoint(app, auditContract.head, async ({ actor }) => ({
    head: await headForActor(app.db, actor),
  }));
};
