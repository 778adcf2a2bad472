import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { auditEventsQuerySchema, auditEventsResponseSchema, verifyResponseSchema } from './audit.schema.ts';
import { listAuditEvents, verifyForActor } from './audit.views.ts';

/** The audit log is readable by everybody in the coalition: it holds no secret ballot's content. */
export const registerAuditRoutes: RoutesPlugin = async (app) => {
  app.get(
    '/api/audit/events',
    {
      schema: {
        tags: ['audit'],
        summary: "The coalition's audit events in chain order, a page at a time",
        querystring: auditEventsQuerySchema,
        response: { 200: auditEventsResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) => listAuditEvents(app.db, requireActor(request), request.query),
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Recompute every hash of the chain and name the first broken link',
        response: { 200: verifyResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) => verifyForActor(app.db, requireActor(request)),
  );
};
