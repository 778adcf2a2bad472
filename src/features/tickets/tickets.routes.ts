import { DomainError } from '../../core/errors.ts';
import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import {
  addLine,
  candidateHistory,
  checkNomination,
  endorseCandidate,
  getCandidate,
  listCandidatePage,
  proposeCandidate,
  recordFacts,
  recordRefusal,
  recordWilsonPakula,
  removeLine,
  searchNominationRaces,
  transitionCandidate,
} from './candidates.service.ts';
import { listAlerts, openDispute, resolveDispute } from './disputes.service.ts';
import { inTransactionMaybeDry } from './dry-run.ts';
import { listNationalTicketViews, proposeNationalTicket, settleOverride } from './national.service.ts';
import { importResults, pactResultsReport } from './results.service.ts';
import { getTicketSettings, updateTicketSettings } from './settings.service.ts';
import { ticketsContract as c } from './tickets.contract.ts';

/** Candidates, ballot lines, national tickets, compliance, results: docs/tickets.md. */
export const registerTicketRoutes: RoutesPlugin = async (app) => {
  const tx = <T>(work: (trx: typeof app.db) => Promise<T>) => app.db.transaction().execute(work);
  const window = (body: { closesAt?: string | undefined } | undefined) =>
    body?.closesAt ? { closesAt: body.closesAt } : {};

  registerEndpoint(app, c.candidates, ({ actor, query }) =>
    tx((trx) => listCandidatePage(trx, actor, query)),
  );
  registerEndpoint(app, c.propose, ({ actor, body }) => tx((trx) => proposeCandidate(trx, actor, body)));
  registerEndpoint(app, c.races, ({ actor, query }) => tx((trx) => searchNominationRaces(trx, actor, query)));
  registerEndpoint(app, c.check, ({ actor, body }) => tx((trx) => checkNomination(trx, actor, body)));
  registerEndpoint(app, c.candidate, ({ actor, params }) => tx((trx) => getCandidate(trx, actor, params.id)));
  registerEndpoint(app, c.addLine, async ({ actor, params, body }) => {
    try {
      return await tx((trx) => addLine(trx, actor, params.id, body));
    } catch (error) {
      // The refusal itself is kept on the candidate's record (its own transaction: the attempt's rolled back).
      if (error instanceof DomainError) await tx((trx) => recordRefusal(trx, actor, params.id, error, body));
      throw error;
    }
  });
  registerEndpoint(app, c.history, ({ actor, params }) =>
    tx((trx) => candidateHistory(trx, actor, params.id)),
  );
  registerEndpoint(app, c.removeLine, ({ actor, params }) =>
    tx((trx) => removeLine(trx, actor, params.id, params.lineId)),
  );
  registerEndpoint(app, c.wilsonPakula, ({ actor, params, body }) =>
    tx((trx) => recordWilsonPakula(trx, actor, params.id, params.lineId, body.authorized)),
  );
  registerEndpoint(app, c.facts, ({ actor, params, body }) =>
    tx((trx) => recordFacts(trx, actor, params.id, body)),
  );
  registerEndpoint(app, c.endorse, ({ actor, params, body }) =>
    tx((trx) => endorseCandidate(trx, actor, params.id, window(body))),
  );
  registerEndpoint(app, c.transition, ({ actor, params, body }) =>
    tx((trx) => transitionCandidate(trx, actor, params.id, body)),
  );
  registerEndpoint(app, c.openDispute, ({ actor, params, body }) =>
    tx((trx) => openDispute(trx, actor, params.id, window(body))),
  );
  registerEndpoint(app, c.resolveDispute, ({ actor, params }) =>
    tx((trx) => resolveDispute(trx, actor, params.id)),
  );
  registerEndpoint(app, c.alerts, ({ actor }) => tx((trx) => listAlerts(trx, actor)));
  registerEndpoint(app, c.settings, ({ actor }) => getTicketSettings(app.db, actor.coalitionId));
  registerEndpoint(app, c.updateSettings, ({ actor, body }) =>
    tx((trx) => updateTicketSettings(trx, actor, body)),
  );
  registerEndpoint(app, c.nationalTickets, ({ actor }) => tx((trx) => listNationalTicketViews(trx, actor)));
  registerEndpoint(app, c.proposeNational, ({ actor, body }) =>
    tx((trx) => proposeNationalTicket(trx, actor, body)),
  );
  registerEndpoint(app, c.settleOverride, ({ actor, params }) =>
    tx((trx) => settleOverride(trx, actor, params.id)),
  );
  registerEndpoint(app, c.importResults, ({ actor, body }) =>
    inTransactionMaybeDry(app.db, body.dryRun, (trx) => importResults(trx, actor, body)),
  );
  registerEndpoint(app, c.resultsReport, ({ actor }) => tx((trx) => pactResultsReport(trx, actor)));
};
