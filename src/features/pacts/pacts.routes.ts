import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { registerPactEditRoutes } from './drafting/pact-edits.routes.ts';
import { createPact, updatePact } from './drafting/pacts.service.ts';
import { pactsContract as api } from './pacts.contract.ts';
import { getPactView, listPactPage } from './read.service.ts';
import { registerPactRunRoutes } from './runs/runs.routes.ts';
import { exportVersion } from './versions/export.ts';
import {
  compareVersionNumbers,
  getVersion,
  getVersionAdvice,
  listVersions,
} from './versions/versions.service.ts';

/**
 * Seat-sharing pacts (docs/pacts.md). Every role of the coalition reads; staff create, edit, run
 * and send to ratification; delegates record their own organization's local consent. Reads run in
 * a transaction too: a ratification decision whose window has passed is closed on the way.
 */
export const registerPactRoutes: RoutesPlugin = async (app) => {
  await app.register(registerPactEditRoutes);
  await app.register(registerPactRunRoutes);
  const tx = () => app.db.transaction();

  // Reads only (decision 0012), no transaction; cached for a second per reader while no change is
  // notified (src/http/read-cache.ts).
  registerEndpoint(app, api.list, ({ actor, query }) => listPactPage(app.db, actor, query), {
    cache: true,
  });
  registerEndpoint(app, api.create, ({ actor, body }) =>
    tx().execute(async (trx) => {
      const pact = await createPact(trx, actor, body);
      return getPactView(trx, actor, pact.id);
    }),
  );
  registerEndpoint(app, api.get, ({ actor, params }) =>
    tx().execute((trx) => getPactView(trx, actor, params.id)),
  );
  registerEndpoint(app, api.update, ({ actor, params, body }) =>
    tx().execute(async (trx) => {
      await updatePact(trx, actor, params.id, body);
      return getPactView(trx, actor, params.id);
    }),
  );
  registerEndpoint(app, api.versions, async ({ actor, params }) => ({
    versions: await tx().execute((trx) => listVersions(trx, actor, params.id)),
  }));
  registerEndpoint(app, api.version, ({ actor, params }) =>
    tx().execute((trx) => getVersion(trx, actor, params.id, params.number)),
  );
  registerEndpoint(app, api.advice, ({ actor, params }) =>
    tx().execute((trx) => getVersionAdvice(trx, actor, params.id, params.number)),
  );
  registerEndpoint(app, api.compare, ({ actor, params, query }) =>
    tx().execute((trx) => compareVersionNumbers(trx, actor, params.id, query.from, query.to)),
  );
  registerEndpoint(app, api.export, async ({ actor, params, query }, _request, reply) => {
    const version = await tx().execute((trx) => getVersion(trx, actor, params.id, query.version));
    const file = exportVersion(version, query.format);
    const name = `pact-v${version.number}${query.format === 'report' ? '-report' : ''}.${file.extension}`;
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(file.body);
  });
};
