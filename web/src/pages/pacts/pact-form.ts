import type { CreatePactInput } from '../../api/pacts.ts';

/** One coalition member as the form holds it: included or not, its party codes as typed. */
export interface MemberDraft {
  organizationId: string;
  name: string;
  included: boolean;
  parties: string;
  weight: string;
}

export interface SourceDraft {
  kind: 'races' | 'zones';
  electionId: string;
  office: string;
  stage: string;
  /** A state's jurisdiction id: races within it (races) or the territory shared out (zones). */
  stateId: string;
  resultSet: string;
}

/** The engine's parameters the form starts from (the schema fills in the rest). */
export const defaultSettings = {
  apportionment: 'sainte-lague',
  uncertainty: 0.08,
  transfer: { sameSide: 0.8, crossSide: 0.3 },
  entitlement: 'enforce',
  tierBalance: false,
} as const;

/** "DEM, grn ; LIB" → ["DEM", "GRN", "LIB"]: party codes are upper-case in the shipped results. */
export const partyCodes = (text: string) => [
  ...new Set(
    text
      .split(/[\s,;]+/)
      .map((code) => code.trim().toUpperCase())
      .filter(Boolean),
  ),
];

/** Whether the source names all it needs: an election for races, a state and a result set for zones. */
export const isSourceComplete = (source: SourceDraft) =>
  source.kind === 'races' ? source.electionId !== '' : source.stateId !== '' && source.resultSet !== '';

/** The request body from the form; the server validates it again and names any field it refuses. */
export function toCreateInput(
  name: string,
  source: SourceDraft,
  members: readonly MemberDraft[],
): Omit<CreatePactInput, 'settings'> {
  return {
    name: name.trim(),
    source:
      source.kind === 'races'
        ? {
            kind: 'races',
            electionId: source.electionId,
            ...(source.office.trim() ? { office: source.office.trim() } : {}),
            ...(source.stage.trim() ? { stage: source.stage.trim() } : {}),
            ...(source.stateId ? { within: [source.stateId] } : {}),
          }
        : {
            kind: 'zones',
            parentJurisdictionId: source.stateId,
            zoneKind: 'county',
            resultSet: source.resultSet,
          },
    members: members
      .filter((m) => m.included)
      .map((m) => ({
        organizationId: m.organizationId,
        parties: partyCodes(m.parties),
        ...(m.weight.trim() ? { weight: Number(m.weight) } : {}),
      })),
  };
}
