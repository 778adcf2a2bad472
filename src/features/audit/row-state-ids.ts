import type { CoveredTable } from './audit.schema.ts';

/** A covered row as the hash sees it: its id in the chain and its meaningful columns. */
export interface RowState {
  id: string;
  state: Record<string, unknown>;
}

/** Timestamps hash as ISO text, so both drivers (Date or string) give the same hash. */
export const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

/** Narrows the covered tables to one feature's group. */
export const memberOf =
  <T extends CoveredTable>(group: readonly T[]) =>
  (table: CoveredTable): table is T =>
    (group as readonly CoveredTable[]).includes(table);

// Rows keyed by several columns get an id made of them, joined by ':'; a part that may hold
// ':' or '%' itself is escaped, so two different rows never share an id.
const escapePart = (part: string): string => part.replace(/%/g, '%25').replace(/:/g, '%3A');

/** A member's ratification of a charter version (keyed by both). */
export const charterRatificationRowId = (charterVersionId: string, organizationId: string): string =>
  `${charterVersionId}:${organizationId}`;

/** An imported result: race, line and candidate name (the table's key). */
export const candidateResultRowId = (row: {
  race_id: string;
  line: string;
  candidate_name: string;
}): string => `${row.race_id}:${escapePart(row.line)}:${escapePart(row.candidate_name)}`;

/** The first part of a composite id (a uuid): narrows the query before the ids are matched. */
export const leadingPart = (id: string): string => id.slice(0, id.indexOf(':'));
