import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { createSegment, deleteSegment, getSegment, listSegments } from './segments.service.ts';
import { supportersContract as c } from './supporters.contract.ts';

/** Saved segments of a member's own people (contracts in supporters.contract.ts). */
export const registerSegmentRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();
  registerEndpoint(app, c.segments, async ({ actor }) => ({ segments: await listSegments(app.db, actor) }));
  registerEndpoint(app, c.createSegment, ({ actor, body }) =>
    tx.execute((trx) => createSegment(trx, actor, body)),
  );
  registerEndpoint(app, c.segment, ({ actor, params }) => getSegment(app.db, actor, params.id));
  registerEndpoint(app, c.deleteSegment, async ({ actor, params }) => {
    await tx.execute((trx) => deleteSegment(trx, actor, params.id));
    return null;
  });
};
