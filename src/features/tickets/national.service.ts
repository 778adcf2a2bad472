import type { Actor } from '../../core/actor.ts';
import { requireStaff } from '../../core/authorize.ts';
import { conflict, notFound, unprocessable } from '../../core/errors.ts';
import {
  checkSplitTicket,
  describeSplitProblem,
  type Side,
  type SplitProblem,
} from '../../core/tickets/split-ticket.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { createDecision, readDecisionOutcomes } from '../decisions/index.ts';
import { getTicketSettings } from './settings.service.ts';
import * as repo from './tickets.repository.ts';
import type { NationalTicketInput, NationalTicketView } from './tickets.schema.ts';

const problemsView = (problems: readonly SplitProblem[]) =>
  problems.map((p) => ({ ...p, message: describeSplitProblem(p) }));

async function toView(
  db: Db,
  coalitionId: string,
  row: repo.NationalTicketRow,
  now: Date,
): Promise<NationalTicketView> {
  const members = new Map((await repo.listMembers(db, coalitionId)).map((m) => [m.id, m]));
  const sideOf = (id: string) => {
    const p = members.get(id)?.position ?? null;
    return p === null || p === 0 ? null : p < 0 ? 'left' : 'right';
  };
  let overridden = false;
  if (row.override_decision_id) {
    const outcome = (await readDecisionOutcomes(db, coalitionId, [row.override_decision_id], now)).get(
      row.override_decision_id,
    );
    overridden = outcome?.outcome === 'passed';
  }
  return {
    id: row.id,
    cycle: row.cycle,
    office: row.office,
    top: {
      name: row.top_name,
      organizationId: row.top_organization_id,
      memberName: members.get(row.top_organization_id)?.name ?? '',
      side: sideOf(row.top_organization_id),
    },
    second: {
      name: row.second_name,
      organizationId: row.second_organization_id,
      memberName: members.get(row.second_organization_id)?.name ?? '',
      side: sideOf(row.second_organization_id),
    },
    status: row.status,
    problems: (row.problems as NationalTicketView['problems']) ?? [],
    overrideDecisionId: row.override_decision_id,
    overridden,
  };
}

/**
 * A national two-seat ticket for a cycle (staff). With the split rule on, the seats' members must
 * be on opposite sides and the top side must differ from the previous cycle's: a ticket that breaks
 * it is refused (422 naming the rule and the previous cycle), or, when asked, put to an override
 * decision (supermajority 2/3 by default) and held until it passes.
 */
export async function proposeNationalTicket(
  db: Db,
  actor: Actor,
  input: NationalTicketInput,
  now = new Date(),
): Promise<NationalTicketView> {
  requireStaff(actor, 'set the national ticket');
  const members = new Map((await repo.listMembers(db, actor.coalitionId)).map((m) => [m.id, m]));
  const top = members.get(input.top.organizationId);
  const second = members.get(input.second.organizationId);
  if (!top || !second)
    throw notFound('organization.not_found', 'Both seats need a member of this coalition.');
  const settings = await getTicketSettings(db, actor.coalitionId);
  const previousRow = await repo.findPreviousTicket(db, actor.coalitionId, input.office, input.cycle);
  const previous = previousRow ? { cycle: previousRow.cycle, topSide: previousRow.top_side } : null;
  const check = checkSplitTicket({
    enabled: settings.splitTicket,
    top: { candidate: input.top.name, member: top.name, position: top.position },
    second: { candidate: input.second.name, member: second.name, position: second.position },
    previous,
    overridePassed: false,
  });
  const problems = problemsView(check.problems);
  if (!check.ok && !input.requestOverride) {
    throw unprocessable('ticket.split_rule', problems.map((p) => p.message).join(' '), {
      rule: 'national split ticket: the two seats on opposite sides, the top side alternating each cycle',
      previousCycle: previous?.cycle ?? null,
      previousTopSide: previous?.topSide ?? null,
      problems,
      offer: 'override_decision',
    });
  }
  const taken = (await repo.listNationalTickets(db, actor.coalitionId)).find(
    (t) => t.cycle === input.cycle && t.office === input.office && t.status !== 'refused',
  );
  if (taken)
    throw conflict('ticket.cycle_taken', `The ${input.cycle} ticket is already set: refuse it first.`, {
      ticketId: taken.id,
    });
  let decisionId: string | null = null;
  if (!check.ok) {
    const decision = await createDecision(
      db,
      actor,
      {
        kind: 'motion',
        title: `Override the split-ticket rule for the ${input.cycle} ticket: ${input.top.name} / ${input.second.name}`,
        body: [
          'The ticket breaks the coalition’s split-ticket rule:',
          ...problems.map((p) => `- ${p.message}`),
          '',
          'Passing this decision lets it stand.',
        ].join('\n'),
        method: 'supermajority',
        threshold: input.overrideThreshold ?? { num: 2, den: 3 },
        ...(input.closesAt ? { closesAt: input.closesAt } : {}),
      },
      now,
    );
    decisionId = decision.id;
  }
  const row = await repo.insertNationalTicket(db, {
    coalition_id: actor.coalitionId,
    cycle: input.cycle,
    office: input.office,
    top_name: input.top.name,
    top_organization_id: top.id,
    second_name: input.second.name,
    second_organization_id: second.id,
    top_side: (check.topSide as Side | null) ?? null,
    status: check.ok ? 'accepted' : 'pending_override',
    problems: JSON.stringify(problems),
    override_decision_id: decisionId,
    created_by: actor.userId,
    created_at: now,
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: check.ok ? 'ticket.accepted' : 'ticket.override_requested',
    subject: { type: 'national_ticket', id: row.id },
    rows: [{ table: 'national_tickets', id: row.id }],
    payload: {
      cycle: row.cycle,
      office: row.office,
      top: input.top,
      second: input.second,
      problems,
      decisionId,
    },
  });
  return toView(db, actor.coalitionId, row, now);
}

/** After the override decision closed: passed → the ticket stands (overridden); failed → refused. */
export async function settleOverride(
  db: Db,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<NationalTicketView> {
  requireStaff(actor, 'settle a ticket override');
  const row = await repo.findNationalTicket(db, actor.coalitionId, id);
  if (!row) throw notFound('ticket.not_found', 'No such ticket.');
  if (row.status !== 'pending_override' || !row.override_decision_id)
    throw conflict('ticket.not_pending', `The ticket is ${row.status}: there is no override to settle.`);
  const outcome = (await readDecisionOutcomes(db, actor.coalitionId, [row.override_decision_id], now)).get(
    row.override_decision_id,
  );
  if (outcome?.phase !== 'closed')
    throw conflict('ticket.override_pending', 'The override decision is still open.', {
      decisionId: row.override_decision_id,
    });
  const status = outcome.outcome === 'passed' ? 'accepted' : 'refused';
  const updated = await repo.updateNationalTicket(db, row.id, { status });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: status === 'accepted' ? 'ticket.overridden' : 'ticket.refused',
    subject: { type: 'national_ticket', id: row.id },
    rows: [{ table: 'national_tickets', id: row.id }],
    payload: { decisionId: row.override_decision_id, outcome: outcome.outcome },
  });
  return toView(db, actor.coalitionId, updated, now);
}

export async function listNationalTicketViews(db: Db, actor: Actor, now = new Date()) {
  const rows = await repo.listNationalTickets(db, actor.coalitionId);
  const views: NationalTicketView[] = [];
  for (const row of rows) views.push(await toView(db, actor.coalitionId, row, now));
  return views;
}
