import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { districtOverlap } from './crosswalk.service.ts';
import { slateContract as c } from './slate.contract.ts';
import { findSlate } from './slate.service.ts';
import { slateCalendar, slatePdf } from './slate-files.ts';

/** The public slate (no sign-in): JSON for the page, a PDF card, an iCal feed. */
export const registerSlateRoutes: RoutesPlugin = async (app) => {
  const slate = (slug: string, jurisdiction: string) =>
    app.db.transaction().execute(async (trx) => findSlate(trx, slug, jurisdiction, await districtOverlap()));

  registerEndpoint(app, c.slate, ({ params, query }) => slate(params.slug, query.jurisdiction));

  registerEndpoint(app, c.pdf, async ({ params, query }, _request, reply) => {
    const pdf = await slatePdf(await slate(params.slug, query.jurisdiction));
    return reply
      .type('application/pdf')
      .header(
        'content-disposition',
        `attachment; filename="slate-${query.jurisdiction.replace(/[^\w-]+/g, '-')}.pdf"`,
      )
      .send(Buffer.from(pdf));
  });

  registerEndpoint(app, c.ical, async ({ params, query }, _request, reply) => {
    const s = await slate(params.slug, query.jurisdiction);
    return reply
      .type('text/calendar; charset=utf-8')
      .send(
        slateCalendar(s, `/public/${s.coalition.slug}/slate?jurisdiction=${encodeURIComponent(s.place.key)}`),
      );
  });
};
