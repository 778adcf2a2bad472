/** The public slate's API (no sign-in), one contract per endpoint; the codes come from the tickets catalog. */
import { z } from 'zod';
import { endpointsOf } from '../../contract/endpoint.ts';
import { slateParamsSchema, slateQuerySchema, slateSchema } from './slate.schema.ts';
import { ticketErrors } from './tickets.contract.ts';

const endpoint = endpointsOf('public', ticketErrors);
const slateErrors = ['coalition.not_found', 'map.jurisdiction_not_found'] as const;

export const slateContract = {
  slate: endpoint({
    method: 'GET',
    path: '/api/public/coalitions/:slug/slate',
    auth: 'public',
    summary:
      'The coalition’s ticket for a place (no sign-in): endorsed nominations only, with lines and members',
    description:
      'Only endorsed nominations (endorsed, filed, on the ballot, decided) that break no ratified pact. A county split between House districts lists each district with `areaShare`, the share of the county’s area inside it (area-based, not population).',
    params: slateParamsSchema,
    query: slateQuerySchema,
    response: slateSchema,
    errors: slateErrors,
  }),
  /**
   * A file, not JSON: the page links to it (as with the pacts export). The body is the PDF's bytes,
   * declared as a binary string so /docs shows a download; Fastify sends a Buffer without the JSON serializer.
   */
  pdf: endpoint({
    method: 'GET',
    path: '/api/public/coalitions/:slug/slate.pdf',
    auth: 'public',
    summary: 'The slate card as a PDF (application/pdf, a download)',
    params: slateParamsSchema,
    query: slateQuerySchema,
    response: z.string().meta({ format: 'binary', description: 'application/pdf' }),
    errors: slateErrors,
  }),
  /** A file, not JSON: calendar applications fetch it, the page links to it. */
  ical: endpoint({
    method: 'GET',
    path: '/api/public/coalitions/:slug/slate.ics',
    auth: 'public',
    summary: 'Filing deadlines and election days of the slate, as an iCal feed (text/calendar)',
    params: slateParamsSchema,
    query: slateQuerySchema,
    response: z.string().meta({ description: 'text/calendar' }),
    errors: slateErrors,
  }),
};
