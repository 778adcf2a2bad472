import { findDissidence } from '../../core/tickets/compliance.ts';
import {
  checkFusion,
  describeFusionProblem,
  type FusionFacts,
  type NominationLine,
} from '../../core/tickets/fusion.ts';
import type { Db } from '../../db/database.ts';
import { loadBallotAccess } from './ballot-access.ts';
import type { RaceAssignment } from './pact-assignments.service.ts';
import type { JurisdictionPlace } from './places.service.ts';
import type { DissidentView, RuleCheck, TicketSettings } from './tickets.schema.ts';

export interface RuleInput {
  place: JurisdictionPlace;
  lines: readonly NominationLine[];
  facts: FusionFacts;
  proposer: string;
  assignments: readonly RaceAssignment[];
  /** Organization id → name, for messages. */
  names: ReadonlyMap<string, string>;
  /** A dispute settled as an accepted exception: the pact no longer flags this candidacy. */
  exception: boolean;
}

/** Every rule on one nomination: fusion by the race's law, and the ratified pacts' assignments. */
export async function evaluateRules(_db: Db, settings: TicketSettings, input: RuleInput): Promise<RuleCheck> {
  const { fusion: rules } = await loadBallotAccess();
  const fusion = checkFusion(input.lines, input.facts, {
    place: input.place.place,
    rules,
    nonUsMultipleLines: settings.nonUsMultipleLines,
  });
  const findings = input.exception ? [] : dissidentFindings(input);
  return {
    ok: fusion.ok,
    fusion: {
      ...fusion,
      problems: fusion.problems.map((p) => ({ ...p, message: describeFusionProblem(p) })),
    },
    pact: {
      ok: findings.length === 0,
      findings: findings.map((f) => ({
        code: 'pact.dissident',
        message: `The ratified pact "${f.pactName}" gave ${f.raceKey} to ${f.assignedToName}: this candidacy runs against it.`,
        ...f,
      })),
    },
  };
}

export function dissidentFindings(
  input: Pick<RuleInput, 'lines' | 'proposer' | 'assignments' | 'names'>,
): DissidentView[] {
  const nominators = [
    ...new Set(input.lines.flatMap((l) => (l.organizationId ? [l.organizationId] : []))),
    input.proposer,
  ];
  return findDissidence({ organizationId: input.proposer, nominators }, input.assignments).map((f) => ({
    ...f,
    assignedToName: input.names.get(f.assignedTo) ?? 'another member',
  }));
}
