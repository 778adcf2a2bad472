import { invalid } from '../errors.ts';
import { preparePact } from './prepare.ts';
import { buildReport, objectiveOf } from './report.ts';
import type { AllocationReport, PactInput, Provenance } from './types.ts';

/**
 * The report of an allocation given by hand (for example a previous version with two races
 * swapped): nothing is searched, every figure and fairness flag is recomputed from the owners, so
 * a hand change that breaks entitlement or WEF1 says so. Locked races keep their lock as the
 * reason; the others read "kept". A race given to a member vetoed there, or a locked race given
 * to another member, is refused: hard rules stay hard.
 */
export function evaluateAssignments(
  input: PactInput,
  assignments: Readonly<Record<string, string | null>>,
): AllocationReport {
  const prepared = preparePact(input);
  const { pact, rules } = prepared;
  const n = pact.members.length;
  const memberIndex = new Map(pact.members.map((member, index) => [member.id as string, index]));
  const owner = new Int32Array(pact.races.length).fill(-1);
  const provenance: Provenance[] = [];
  pact.races.forEach((race, index) => {
    const given = assignments[race.id] ?? null;
    const member = given === null ? -1 : (memberIndex.get(given) ?? -2);
    if (member === -2) {
      throw invalid('pact.unknown_member', `race "${race.id}" is given to unknown member "${given}"`, {
        race: race.id,
        member: given,
      });
    }
    if (member !== -1 && rules.vetoed[index * n + member] === 1) {
      throw invalid('pact.vetoed', `race "${race.id}" is given to "${given}", who is vetoed there`, {
        race: race.id,
        member: given,
      });
    }
    const locked = rules.lockedTo[index] ?? -1;
    if (locked !== -1 && locked !== member) {
      throw invalid('pact.locked', `race "${race.id}" is locked to "${pact.members[locked]?.id}"`, {
        race: race.id,
        member: given,
      });
    }
    owner[index] = member;
    provenance.push(rules.lockSource[index] ?? { kind: 'kept' });
  });
  const objective = objectiveOf(prepared, owner);
  return buildReport(
    prepared,
    { owner, provenance },
    { mode: 'manual', heuristicObjective: objective, exactObjective: null },
  );
}
