import { z } from 'zod';
import { errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { districtOverlap } from './crosswalk.service.ts';
import { slateParamsSchema, slateQuerySchema, slateSchema } from './slate.schema.ts';
import { findSlate } from './slate.service.ts';
import { slateCalendar, slatePdf } from './slate-files.ts';

const tags = ['public'];
const failures = { 400: errorResponseSchema, 404: errorResponseSchema };

/** The public slate (no sign-in): JSON for the page, a PDF card, an iCal feed. */
export const registerSlateRoutes: RoutesPlugin = async (app) => {
  const slate = (slug: string, jurisdiction: string) =>
    app.db.transaction().execute(async (trx) => findSlate(trx, slug, jurisdiction, await districtOverlap()));

  app.get(
    '/api/public/coalitions/:slug/slate',
    {
      schema: {
        tags,
        summary:
          'The coalition’s ticket for a place (no sign-in): endorsed nominations only, with lines and members',
        description:
          'Only endorsed nominations (endorsed, filed, on the ballot, decided) that break no ratified pact. A county split between House districts lists each district with `areaShare`, the share of the county’s area inside it (area-based, not population).',
        params: slateParamsSchema,
        querystring: slateQuerySchema,
        response: { 200: slateSchema, ...failures },
      },
    },
    async (request) => slate(request.params.slug, request.query.jurisdiction),
  );

  app.get(
    '/api/public/coalitions/:slug/slate.pdf',
    {
      schema: {
        tags,
        summary: 'The slate card as a PDF',
        params: slateParamsSchema,
        querystring: slateQuerySchema,
        response: { 200: z.any().describe('application/pdf'), ...failures },
      },
    },
    async (request, reply) => {
      const pdf = await slatePdf(await slate(request.params.slug, request.query.jurisdiction));
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="slate-${request.query.jurisdiction.replace(/[^\w-]+/g, '-')}.pdf"`,
        )
        .send(Buffer.from(pdf));
    },
  );

  app.get(
    '/api/public/coalitions/:slug/slate.ics',
    {
      schema: {
        tags,
        summary: 'Filing deadlines and election days of the slate, as an iCal feed',
        params: slateParamsSchema,
        querystring: slateQuerySchema,
        response: { 200: z.string().describe('text/calendar'), ...failures },
      },
    },
    async (request, reply) => {
      const s = await slate(request.params.slug, request.query.jurisdiction);
      return reply
        .type('text/calendar; charset=utf-8')
        .send(
          slateCalendar(
            s,
            `/public/${s.coalition.slug}/slate?jurisdiction=${encodeURIComponent(s.place.key)}`,
          ),
        );
    },
  );
};
