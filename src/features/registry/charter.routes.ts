import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { answerCached, VersionedCache } from '../../http/versioned-cache.ts';
import { readChainHead } from '../audit/index.ts';
import { getBranding, listPublicCoalitions, updateBranding } from './branding.service.ts';
import { foundCharter, getCharterStatus, listCharterVersions } from './charter.service.ts';
import { getCoalitionOverview, getPublicCoalition } from './coalition.service.ts';
import { registryContract as api } from './registry.contract.ts';
import { findCoalitionBySlug } from './settings.repository.ts';
import { getSettings, updateSettings } from './settings.service.ts';

type PublicCoalition = Awaited<ReturnType<typeof getPublicCoalition>>;
/** One entry per coalition; its version is the coalition's audit head, which the page shows. */
const publicPages = new VersionedCache<PublicCoalition>(1_000);

/** The coalition itself: overview, settings, charter; and the public page. */
export const registerCharterRoutes: RoutesPlugin = async (app) => {
  registerEndpoint(app, api.coalition, ({ actor }) => getCoalitionOverview(app.db, actor));
  registerEndpoint(app, api.settings, ({ actor }) => getSettings(app.db, actor.coalitionId));
  registerEndpoint(app, api.updateSettings, ({ actor, body }) =>
    app.db.transaction().execute((trx) => updateSettings(trx, actor, body)),
  );
  registerEndpoint(app, api.charter, ({ actor }) => getCharterStatus(app.db, actor));
  registerEndpoint(app, api.charterVersions, async ({ actor }) => ({
    versions: await listCharterVersions(app.db, actor),
  }));
  registerEndpoint(app, api.foundCharter, ({ actor, body }) =>
    app.db.transaction().execute((trx) => foundCharter(trx, actor, body.planks)),
  );
  registerEndpoint(app, api.branding, ({ actor }) => getBranding(app.db, actor));
  registerEndpoint(app, api.updateBranding, ({ actor, body }) =>
    app.db.transaction().execute((trx) => updateBranding(trx, actor, body)),
  );
  registerEndpoint(app, api.publicCoalitions, () => listPublicCoalitions(app.db));
  // Reads only, cached per version: every stored change of the coalition appends an audit event.
  registerEndpoint(app, api.publicCoalition, async ({ params }, request, reply) => {
    const coalition = await findCoalitionBySlug(app.db, params.slug);
    if (!coalition) return getPublicCoalition(app.db, params.slug); // its 404
    const head = await readChainHead(app.db, coalition.id);
    const entry = await publicPages.get(
      coalition.id,
      `${coalition.id}:${head?.seq ?? 0}`,
      Number.POSITIVE_INFINITY,
      Date.now(),
      () => getPublicCoalition(app.db, params.slug),
    );
    return answerCached(request, reply, entry) as PublicCoalition;
  });
};
