import type { z } from 'zod';
import { pactsContract } from '../../../../src/features/pacts/pacts.contract.ts';
import type { SchemaForm } from '../../forms/use-schema-form.ts';

/**
 * The new-pact form validates with the create endpoint's own body schema: its values are the request
 * body (the members array holds the included members only, in the table's order), so a refusal's
 * path (`members.2.weight`) names the same field on the client and from the server.
 */
export const newPactSchema = pactsContract.create.body;
export type NewPactValues = z.input<typeof newPactSchema>;
export type NewPactForm = SchemaForm<NewPactValues, z.output<typeof newPactSchema>>;
export type MemberValues = NewPactValues['members'][number];

/** The engine's parameters the form starts from (the schema fills in the rest). */
export const defaultSettings = {
  apportionment: 'sainte-lague',
  uncertainty: 0.08,
  transfer: { sameSide: 0.8, crossSide: 0.3 },
  entitlement: 'enforce',
  tierBalance: false,
} as const;

/** The county result set a zones pact is valued by unless another is chosen. */
export const defaultResultSet = 'us-president-2024-county';

/** "DEM, grn ; LIB" → ["DEM", "GRN", "LIB"]: party codes are upper-case in the shipped results. */
export const partyCodes = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean),
  ),
];

/** An office or stage as typed: trimmed, and nothing at all when blank. */
export const optionalText = (text: string) => text.trim() || undefined;

/**
 * Where a member checked in the table joins the members array: after the included members listed
 * above it, so the body keeps the table's order whatever order the boxes are checked in (the pact's
 * member keys and its tables follow that order).
 */
export function insertionIndex(
  tableOrder: readonly string[],
  included: readonly string[],
  organizationId: string,
): number {
  const position = tableOrder.indexOf(organizationId);
  return included.filter((id) => tableOrder.indexOf(id) < position).length;
}

type SourceValues = Partial<{
  kind: string;
  electionId: string;
  parentJurisdictionId: string;
  resultSet: string;
}>;

/** Whether the source names all it needs: an election for races, a state and a result set for zones. */
export const isSourceComplete = (source: SourceValues | undefined) =>
  source?.kind === 'zones'
    ? Boolean(source.parentJurisdictionId) && Boolean(source.resultSet)
    : Boolean(source?.electionId);
