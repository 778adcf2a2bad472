import { z } from 'zod';
import { notFound } from '../../core/errors.ts';
import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { sendCached, VersionedCache } from '../../http/versioned-cache.ts';
import { readChainHead } from '../audit/index.ts';
import { getBranding, listPublicCoalitions, updateBranding } from './branding.service.ts';
import { foundCharter, getCharterStatus, listCharterVersions } from './charter.service.ts';
import { getCoalitionOverview, getPublicCoalition } from './coalition.service.ts';
import { registryContract as api } from './registry.contract.ts';
import { findCoalitionBySlug } from './settings.repository.ts';
import { getSettings, updateSettings } from './settings.service.ts';

type PublicCoalition = Awaited<ReturnType<typeof getPublicCoalition>>;

/** The coalition itself: overview, settings, charter; and the public page. */
export const registerCharterRoutes: RoutesPlugin = async (app) => {
  /** One entry per coalition; its version is the coalition's audit head, which the page shows. */
  const publicPages = new VersionedCache<PublicCoalition>(
    app.changes,
    (value) => JSON.stringify(z.encode(api.publicCoalition.response, value)),
    1_000,
  );
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
    const body = await publicPages.get(params.slug, Date.now(), {
      version: async (coalitionId) => String((await readChainHead(app.db, coalitionId))?.seq ?? 0),
      build: async (begin) => {
        const coalition = await findCoalitionBySlug(app.db, params.slug);
        if (!coalition) throw notFound('coalition.not_found', `No coalition "${params.slug}".`);
        begin(coalition.id);
        const value = await getPublicCoalition(app.db, params.slug);
        const version = String(value.auditHead?.seq ?? 0);
        return { scope: coalition.id, version, validUntil: Number.POSITIVE_INFINITY, value };
      },
    });
    return sendCached(request, reply, body);
  });
};
