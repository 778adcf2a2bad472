import type { Kysely } from 'kysely';
import { baselineRows } from '../../features/audit/row-baseline.service.ts';
import type { Db } from '../database.ts';

/**
 * Row hashing now covers what rival members rely on besides decisions and pacts: the charter and
 * its ratifications, strength evidence, governance settings, status changes, candidates and their
 * lines, national tickets, ticket settings, imported results, and the coalition's petition
 * requirements, drives, packets and checks. Existing chains get one baseline event recording
 * those rows as they stand at the upgrade (as 2026_12_04_1901 did for pact versions). The tables
 * are named here, not taken from the live list, so this migration does the same whenever it runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await baselineRows(
    db as unknown as Db,
    [
      'charter_versions',
      'charter_ratifications',
      'strength_evidence',
      'governance_settings',
      'organization_status_changes',
      'candidates',
      'candidate_lines',
      'national_tickets',
      'ticket_settings',
      'candidate_results',
      'petition_requirements',
      'petition_drives',
      'petition_packets',
      'petition_checks',
    ],
    'Row hashing of the charter, evidence, settings, status changes, tickets and petitions begins here: the rows below are recorded as they stood at the upgrade.',
  );
}

/** Nothing to undo: the audit log is append-only, and the baseline event stays true history. */
export async function down(): Promise<void> {}
