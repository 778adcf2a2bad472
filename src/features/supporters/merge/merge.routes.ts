import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { mergeContract as c } from './merge.contract.ts';
import { findDuplicates, listMerges, mergePeople, undoMerge } from './merge.service.ts';

/** Duplicates and merges of a member's own people (contracts in merge.contract.ts). */
export const registerMergeRoutes: RoutesPlugin = async (app) => {
  const tx = app.db.transaction();
  registerEndpoint(app, c.duplicates, async ({ actor }) => ({
    candidates: await findDuplicates(app.db, actor),
  }));
  registerEndpoint(app, c.merges, async ({ actor }) => ({ merges: await listMerges(app.db, actor) }));
  registerEndpoint(app, c.merge, ({ actor, body }) => tx.execute((trx) => mergePeople(trx, actor, body)));
  registerEndpoint(app, c.undoMerge, ({ actor, params }) =>
    tx.execute((trx) => undoMerge(trx, actor, params.id)),
  );
};
