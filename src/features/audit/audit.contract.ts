/** The audit API, one contract per endpoint (docs/architecture.md, "One contract per endpoint"). */
import { endpointsOf } from '../../contract/endpoint.ts';
import { type CodeOf, defineErrors } from '../../contract/errors.ts';
import { auditEventsQuerySchema, auditEventsResponseSchema, verifyResponseSchema } from './audit.schema.ts';

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
    summary: 'Recompute every hash of the chain and name the first broken link',
    response: verifyResponseSchema,
  }),
};
