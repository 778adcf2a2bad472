import type { Actor } from '../../core/actor.ts';
import { requireStaff } from '../../core/authorize.ts';
import type { Db } from '../../db/database.ts';
import { appendAudit } from '../audit/index.ts';
import { findSettings, type SettingsRow, upsertSettings } from './tickets.repository.ts';
import type { TicketSettings } from './tickets.schema.ts';

export const defaultTicketSettings: TicketSettings = {
  endorsementBy: 'secretariat',
  splitTicket: false,
  nonUsMultipleLines: false,
  coalitionLineStates: [],
};

const toSettings = (row: SettingsRow | undefined): TicketSettings =>
  row
    ? {
        endorsementBy: row.endorsement_by,
        splitTicket: row.split_ticket,
        nonUsMultipleLines: row.non_us_multiple_lines,
        coalitionLineStates: (row.coalition_line_states as string[]) ?? [],
      }
    : defaultTicketSettings;

export async function getTicketSettings(db: Db, coalitionId: string): Promise<TicketSettings> {
  return toSettings(await findSettings(db, coalitionId));
}

/** Who endorses, the split ticket rule, lines outside the US, where the coalition is a recognised party (staff). */
export async function updateTicketSettings(
  db: Db,
  actor: Actor,
  patch: Partial<TicketSettings>,
): Promise<TicketSettings> {
  requireStaff(actor, 'change the nomination settings');
  // Keys left out (or undefined) keep their value.
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const next: TicketSettings = { ...(await getTicketSettings(db, actor.coalitionId)), ...given };
  next.coalitionLineStates = [...new Set(next.coalitionLineStates.map((s) => s.toUpperCase()))].sort();
  await upsertSettings(db, {
    coalition_id: actor.coalitionId,
    endorsement_by: next.endorsementBy,
    split_ticket: next.splitTicket,
    non_us_multiple_lines: next.nonUsMultipleLines,
    coalition_line_states: JSON.stringify(next.coalitionLineStates),
    updated_at: new Date(),
  });
  await appendAudit(db, {
    coalitionId: actor.coalitionId,
    actor,
    action: 'tickets.settings_changed',
    subject: null,
    // One row per coalition, keyed by it.
    rows: [{ table: 'ticket_settings', id: actor.coalitionId }],
    payload: { ...next },
  });
  return next;
}
