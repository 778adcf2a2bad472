import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { supporterAggregates } from './aggregates.service.ts';
import { peopleContract as c } from './people.contract.ts';
import {
  createPerson,
  erasePerson,
  exportPersonData,
  getPerson,
  listPeople,
  updatePerson,
} from './people.service.ts';
import {
  addActivity,
  defineCustomField,
  issueLinkCode,
  listCustomFields,
  recordConsent,
  redeemLinkCode,
  withdrawConsent,
} from './records.service.ts';

/**
 * A member's own people (contracts in people.contract.ts). No route takes an organization: the owner
 * always comes from the signed-in Actor (access.ts), so another member's people cannot even be named.
 */
export const registerPeopleRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();
  registerEndpoint(app, c.people, ({ actor, query }) => tx.execute((trx) => listPeople(trx, actor, query)));
  registerEndpoint(app, c.createPerson, ({ actor, body }) =>
    tx.execute((trx) => createPerson(trx, actor, body)),
  );
  registerEndpoint(app, c.aggregates, ({ actor }) => supporterAggregates(app.db, actor));
  registerEndpoint(app, c.customFields, async ({ actor }) => ({
    fields: await listCustomFields(app.db, actor),
  }));
  registerEndpoint(app, c.defineCustomField, async ({ actor, body }) => ({
    fields: await tx.execute((trx) => defineCustomField(trx, actor, body)),
  }));
  registerEndpoint(app, c.person, ({ actor, params }) => getPerson(app.db, actor, params.id));
  registerEndpoint(app, c.updatePerson, ({ actor, params, body }) =>
    tx.execute((trx) => updatePerson(trx, actor, params.id, body)),
  );
  registerEndpoint(app, c.erasePerson, async ({ actor, params }) => {
    await tx.execute((trx) => erasePerson(trx, actor, params.id));
    return null;
  });
  registerEndpoint(app, c.exportPerson, ({ actor, params }) =>
    tx.execute((trx) => exportPersonData(trx, actor, params.id)),
  );
  registerEndpoint(app, c.recordConsent, ({ actor, params, body }) =>
    tx.execute((trx) => recordConsent(trx, actor, params.id, body)),
  );
  registerEndpoint(app, c.withdrawConsent, ({ actor, params, body }) =>
    tx.execute((trx) => withdrawConsent(trx, actor, params.id, body)),
  );
  registerEndpoint(app, c.addActivity, ({ actor, params, body }) =>
    tx.execute((trx) => addActivity(trx, actor, params.id, body)),
  );
  registerEndpoint(app, c.issueLinkCode, ({ actor, params, body }) =>
    tx.execute((trx) => issueLinkCode(trx, actor, params.id, body)),
  );
  registerEndpoint(app, c.redeemLinkCode, ({ actor, params, body }) =>
    tx.execute((trx) => redeemLinkCode(trx, actor, params.id, body.code)),
  );
};
