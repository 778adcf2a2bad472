import type { Db } from '../../db/database.ts';
import { candidateResultRowId, leadingPart, memberOf, type RowState } from './row-state-ids.ts';

/**
 * The tickets feature's covered rows: candidates and their lines, national tickets, the
 * coalition's ticket settings (one row, keyed by the coalition) and imported results (keyed by
 * race, line and candidate name). Bookkeeping timestamps are left out.
 */
const ticketTables = [
  'candidates',
  'candidate_lines',
  'national_tickets',
  'ticket_settings',
  'candidate_results',
] as const;
export type TicketTable = (typeof ticketTables)[number];
export const isTicketTable = memberOf(ticketTables);

export async function readTicketRowStates(
  db: Db,
  coalitionId: string,
  table: TicketTable,
  ids?: readonly string[],
): Promise<RowState[]> {
  switch (table) {
    case 'candidates': {
      let query = db
        .selectFrom('candidates')
        .select([
          'id',
          'organization_id',
          'name',
          'race_id',
          'status',
          'status_reason',
          'facts',
          'endorsement_decision_id',
          'dissident',
          'dispute_decision_id',
          'dispute_outcome',
          'created_by',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
    case 'candidate_lines': {
      let query = db
        .selectFrom('candidate_lines')
        .select([
          'id',
          'candidate_id',
          'organization_id',
          'kind',
          'label',
          'candidate_is_member',
          'wilson_pakula',
          'created_by',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
    case 'national_tickets': {
      let query = db
        .selectFrom('national_tickets')
        .select([
          'id',
          'cycle',
          'office',
          'top_name',
          'top_organization_id',
          'second_name',
          'second_organization_id',
          'top_side',
          'status',
          'problems',
          'override_decision_id',
          'created_by',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('id', 'in', ids);
      return (await query.execute()).map((r) => ({ id: r.id, state: { ...r } }));
    }
    case 'ticket_settings': {
      // One row per coalition: its id in the chain is the coalition's.
      let query = db
        .selectFrom('ticket_settings')
        .select([
          'coalition_id',
          'endorsement_by',
          'split_ticket',
          'non_us_multiple_lines',
          'coalition_line_states',
        ])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('coalition_id', 'in', ids);
      return (await query.execute()).map(({ coalition_id, ...state }) => ({ id: coalition_id, state }));
    }
    case 'candidate_results': {
      let query = db
        .selectFrom('candidate_results')
        .select(['race_id', 'line', 'candidate_name', 'candidate_id', 'votes', 'imported_by'])
        .where('coalition_id', '=', coalitionId);
      if (ids) query = query.where('race_id', 'in', [...new Set(ids.map(leadingPart))]);
      const wanted = ids && new Set(ids);
      return (await query.execute())
        .map((r) => ({ id: candidateResultRowId(r), state: { ...r, votes: Number(r.votes) } }))
        .filter((row) => !wanted || wanted.has(row.id));
    }
  }
}
