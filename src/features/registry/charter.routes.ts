import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { foundCharter, getCharterStatus, listCharterVersions } from './charter.service.ts';
import { getCoalitionOverview, getPublicCoalition } from './coalition.service.ts';
import { registryContract as api } from './registry.contract.ts';
import { getSettings, updateSettings } from './settings.service.ts';

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
  registerEndpoint(app, api.publicCoalition, ({ params }) => getPublicCoalition(app.db, params.slug));
};
