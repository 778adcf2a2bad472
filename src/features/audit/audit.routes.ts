import { z } from 'zod';
import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import {
  auditEventsQuerySchema,
  auditEventsResponseSchema,
  chainHeadSchema,
  parsePublishedHead,
  verifyQuerySchema,
  verifyResponseSchema,
} from './audit.schema.ts';
import { headForActor, listAuditEvents, verifyForActor } from './audit.views.ts';

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
        summary:
          'Recompute every hash of the chain, name the first broken link, and name every decision, ballot, organization or pact row no event explains; ?head=<hash>@<seq> also checks a head published earlier',
        querystring: verifyQuerySchema,
        response: { 200: verifyResponseSchema, ...commonErrorResponses },
      },
    },
    async (request) =>
      verifyForActor(
        app.db,
        requireActor(request),
        request.query.head ? parsePublishedHead(request.query.head) : null,
      ),
  );

  app.get(
    '/api/audit/head',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The chain head (sequence number, hash, time of the last event): copy it elsewhere to check later',
        response: { 200: z.object({ head: chainHeadSchema.nullable() }), ...commonErrorResponses },
      },
    },
    async (request) => ({ head: await headForActor(app.db, requireActor(request)) }),
  );
};
