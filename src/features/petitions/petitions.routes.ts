import { fillPath } from '../../contract/endpoint.ts';
import { notFound } from '../../core/errors.ts';
import { verificationRules } from '../../core/petitions/verification-rules.ts';
import type { Db } from '../../db/database.ts';
import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { calendar, icalFeed, warnings } from './calendar.service.ts';
import { createDrive, getDrive, listCirculators, listDrivePage, updateDrive } from './drives.service.ts';
import { addChecks, addCirculator, addPackets, importCsv } from './entries.service.ts';
import {
  actorForFeedToken,
  feedTokenStatus,
  issueFeedToken,
  revokeFeedToken,
} from './feed-tokens.service.ts';
import { petitionsContract as c } from './petitions.contract.ts';
import { createRequirement, listRequirements } from './requirements.service.ts';
import { toRuleView } from './views.ts';

/** Ballot access: requirements, verification rules, drives and their entries, the deadline calendar. */
export const registerPetitionRoutes: RoutesPlugin = async (app) => {
  const tx = <T>(work: (trx: Db) => Promise<T>) => app.db.transaction().execute(work);
  const rows = <T>(list: T[]) => list.map((value, i) => ({ row: i + 1, value }));

  registerEndpoint(app, c.requirements, async ({ actor, query }) => ({
    requirements: await listRequirements(app.db, actor, query),
  }));
  registerEndpoint(app, c.addRequirement, ({ actor, body }) =>
    tx((trx) => createRequirement(trx, actor, body)),
  );
  registerEndpoint(app, c.rules, async () => ({ rules: verificationRules.map(toRuleView) }));
  registerEndpoint(app, c.drives, ({ actor, query }) => listDrivePage(app.db, actor, query));
  registerEndpoint(app, c.createDrive, ({ actor, body }) => tx((trx) => createDrive(trx, actor, body)));
  registerEndpoint(app, c.drive, ({ actor, params }) => getDrive(app.db, actor, params.id));
  registerEndpoint(app, c.updateDrive, ({ actor, params, body }) =>
    tx((trx) => updateDrive(trx, actor, params.id, body)),
  );
  registerEndpoint(app, c.circulators, async ({ actor, params }) => ({
    circulators: await listCirculators(app.db, actor, params.id),
  }));
  registerEndpoint(app, c.addCirculator, ({ actor, params, body }) =>
    tx((trx) => addCirculator(trx, actor, params.id, body)),
  );
  registerEndpoint(app, c.addPackets, async ({ actor, params, body }) => ({
    added: await tx((trx) => addPackets(trx, actor, params.id, rows(body.packets), 'request')),
  }));
  registerEndpoint(app, c.addChecks, async ({ actor, params, body }) => ({
    added: await tx((trx) => addChecks(trx, actor, params.id, rows(body.checks), 'request')),
  }));
  registerEndpoint(app, c.importCsv, async ({ actor, params, body }) => {
    const { kind, fileName, csv, dryRun } = body;
    const count = await dryRunnable(app.db, dryRun, (trx) =>
      importCsv(trx, actor, params.id, kind, fileName, csv),
    );
    return { kind, rows: count, dryRun };
  });
  registerEndpoint(app, c.calendar, ({ actor }) => calendar(app.db, actor));
  registerEndpoint(app, c.warnings, ({ actor }) => warnings(app.db, actor));
  registerEndpoint(app, c.ical, async ({ actor }, request, reply) => {
    const origin = `${request.protocol}://${request.host}`;
    return reply.type('text/calendar; charset=utf-8').send(await icalFeed(app.db, actor, origin));
  });
  registerEndpoint(app, c.feedToken, ({ actor }) => feedTokenStatus(app.db, actor));
  registerEndpoint(app, c.issueFeedToken, async ({ actor }) => {
    const issued = await tx((trx) => issueFeedToken(trx, actor));
    return { ...issued, path: fillPath(c.tokenIcal.path, { token: issued.token }) };
  });
  registerEndpoint(app, c.revokeFeedToken, async ({ actor }) => {
    await tx((trx) => revokeFeedToken(trx, actor));
    return null;
  });
  registerEndpoint(app, c.tokenIcal, async ({ params }, request, reply) => {
    const actor = await actorForFeedToken(app.db, params.token);
    if (!actor)
      throw notFound('petitions.feed_not_found', 'No such calendar feed (revoked or never issued).');
    const origin = `${request.protocol}://${request.host}`;
    return reply.type('text/calendar; charset=utf-8').send(await icalFeed(app.db, actor, origin));
  });
};

class DryRun<T> extends Error {
  constructor(readonly value: T) {
    super('dry run');
  }
}

/** Runs the whole write, then rolls it back when asked for a dry run: every check runs, nothing stays. */
async function dryRunnable<T>(db: Db, dryRun: boolean, work: (trx: Db) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(async (trx) => {
      const value = await work(trx);
      if (dryRun) throw new DryRun(value);
      return value;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.value as T;
    throw error;
  }
}
