import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { checkAdmission } from './admission.service.ts';
import { ratifyCharter } from './charter.service.ts';
import { assignDelegate, removeDelegate } from './delegates.service.ts';
import { submitEvidence, verifyEvidence } from './evidence.service.ts';
import {
  createOrganization,
  getOrganizationDetail,
  listOrganizationPage,
  updateOrganization,
  withdrawOrganization,
} from './organizations.service.ts';
import { registryContract as api } from './registry.contract.ts';

export const registerOrganizationRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();

  // Cached for a second per reader while no change is notified (src/http/read-cache.ts).
  registerEndpoint(app, api.organizations, ({ actor, query }) => listOrganizationPage(app.db, actor, query), {
    cache: true,
  });
  registerEndpoint(app, api.createOrganization, ({ actor, body }) =>
    tx.execute((trx) => createOrganization(trx, actor, body)),
  );
  registerEndpoint(app, api.organization, ({ actor, params }) =>
    getOrganizationDetail(app.db, actor, params.id),
  );
  registerEndpoint(app, api.updateOrganization, ({ actor, params, body }) =>
    tx.execute((trx) => updateOrganization(trx, actor, params.id, body)),
  );
  registerEndpoint(app, api.withdraw, ({ actor, params, body }) =>
    tx.execute((trx) => withdrawOrganization(trx, actor, params.id, body.note)),
  );
  registerEndpoint(app, api.admissionCheck, ({ actor, params }) => checkAdmission(app.db, actor, params.id));
  registerEndpoint(app, api.submitEvidence, ({ actor, params, body }) =>
    tx.execute((trx) => submitEvidence(trx, actor, params.id, body)),
  );
  registerEndpoint(app, api.verifyEvidence, ({ actor, params }) =>
    tx.execute((trx) => verifyEvidence(trx, actor, params.id, params.evidenceId)),
  );
  registerEndpoint(app, api.assignDelegate, async ({ actor, params, body }) => ({
    delegates: await tx.execute((trx) => assignDelegate(trx, actor, params.id, body.email)),
  }));
  registerEndpoint(app, api.removeDelegate, async ({ actor, params }) => ({
    delegates: await tx.execute((trx) => removeDelegate(trx, actor, params.id, params.userId)),
  }));
  registerEndpoint(app, api.ratify, ({ actor, params }) =>
    tx.execute((trx) => ratifyCharter(trx, actor, params.id)),
  );
};
