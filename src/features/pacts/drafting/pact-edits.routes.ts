import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { pactsContract as api } from '../pacts.contract.ts';
import { recordConsent } from '../ratification/consent.service.ts';
import { sendToRatification } from '../ratification/ratification.service.ts';
import { liftVeto, lockRace, unlockRace, vetoRace } from './rules.service.ts';
import { swapRaces } from './swap.service.ts';

/** Locks, vetoes, swaps, local consent and ratification: every write is audited with it. */
export const registerPactEditRoutes: RoutesPlugin = async (app) => {
  const tx = () => app.db.transaction();

  registerEndpoint(app, api.lock, ({ actor, params, body }) =>
    tx().execute((trx) => lockRace(trx, actor, params.id, body)),
  );
  registerEndpoint(app, api.unlock, async ({ actor, params }) => {
    await tx().execute((trx) => unlockRace(trx, actor, params.id, params.race));
    return null;
  });
  registerEndpoint(app, api.veto, ({ actor, params, body }) =>
    tx().execute((trx) => vetoRace(trx, actor, params.id, body)),
  );
  registerEndpoint(app, api.liftVeto, async ({ actor, params }) => {
    await tx().execute((trx) => liftVeto(trx, actor, params.id, params.race, params.organizationId));
    return null;
  });
  registerEndpoint(app, api.swap, ({ actor, params, body }) =>
    tx().execute((trx) => swapRaces(trx, actor, params.id, body)),
  );
  registerEndpoint(app, api.consent, ({ actor, params, body }) =>
    tx().execute((trx) => recordConsent(trx, actor, params.id, params.race, body)),
  );
  registerEndpoint(app, api.ratify, ({ actor, params, body }) =>
    tx().execute((trx) => sendToRatification(trx, actor, params.id, body)),
  );
};
