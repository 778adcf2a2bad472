/** The audit API, one contract per endpoint (docs/architecture.md, "One contract per endpoint"). */

import { z } from 'zod';
import { endpointsOf } from '../../contract/endpoint.ts';
import { type CodeOf, defineErrors } from '../../contract/errors.ts';
import {
  auditEventsQuerySchema,
  auditEventsResponseSchema,
  chainHeadSchema,
  verifyQuerySchema,
  verifyResponseSchema,
} from './audit.schema.ts';

/** The audit log's reads refuse nothing of their own: only the session and request checks apply. */
export const auditErrors = defineErrors({});
export type AuditErrorCode = CodeOf<typeof auditErrors>;

const endpoint = endpointsOf('audit', auditErrors);

/** The audit log is readable by everybody in the coalition: it holds no secret ballot's content. */
export const auditContract = {
  events: endpoint({
    method: 'GET',
    path: '/api/audit/events',
    auth: 'session',
    summary: "The coalition's audit events in chain order, a page at a time",
    query: auditEventsQuerySchema,
    response: auditEventsResponseSchema,
  }),
  verify: endpoint({
    method: 'GET',
    path: '/api/audit/verify',
    auth: 'session',
    summary:
      'Recompute every hash of the chain, name the first broken link, and name every decision, ballot, organization or pact row no event explains; ?head=<hash>@<seq> also checks a head published earlier',
    query: verifyQuerySchema,
    response: verifyResponseSchema,
  }),
  head: endpoint({
    method: 'GET',
    path: '/api/audit/head',
    auth: 'session',
    summary:
      'The chain head (sequence number, hash, time of the last event): copy it elsewhere to check later',
    response: z.object({ head: chainHeadSchema.nullable() }),
  }),
};
