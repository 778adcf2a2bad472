import type { Entitlement } from './entitlement.ts';
import { ChangeGuard } from './guards.ts';
import type { HardRules } from './rules.ts';
import type { AllocationState } from './state.ts';
import type { Pact } from './types.ts';
import { wef1Violations } from './wef1.ts';

/** Races of the envied bundle tried per violation, most envied first. */
const candidatesPerViolation = 3;
/** A bound on the whole repair; violations are rare at scale, common only in tiny, tight pacts. */
const maxTrials = 400;

/**
 * Before the local search: where the picking sequence (or a lock, a veto, a floor) left a member
 * envying another beyond one race, try handing the envious member a race it values from the envied
 * bundle, or swapping one for one of its own least valued; keep a change only when it lowers the
 * number of pairs that break WEF1 and keeps the entitlement bounds. The sequence follows the
 * apportionment's order, which guarantees WEF1 only in some cases (see docs/pacts.md), so this
 * step catches most of the rest; what it cannot fix is reported.
 */
export function repairEnvy(
  state: AllocationState,
  pact: Pact,
  rules: HardRules,
  entitlement: Entitlement,
): void {
  const n = pact.members.length;
  const weights = pact.members.map((member) => member.weight);
  const guard = new ChangeGuard(state, pact, entitlement);
  const violations = () => wef1Violations(state.owner, state.value, weights).length;
  const movable = (race: number, to: number) =>
    rules.lockedTo[race] === -1 && rules.vetoed[race * n + to] === 0;
  let trials = 0;
  for (let current = violations(); current > 0 && trials < maxTrials; ) {
    const before = current;
    for (const { envious, envied } of wef1Violations(state.owner, state.value, weights)) {
      const byEnvy = (race: number) => state.value[race * n + envious] ?? 0;
      const wanted = state
        .bundle(envied)
        .filter((race) => movable(race, envious))
        .sort((a, b) => byEnvy(b) - byEnvy(a) || a - b)
        .slice(0, candidatesPerViolation);
      const spare = state
        .bundle(envious)
        .filter((race) => movable(race, envied))
        .sort((a, b) => byEnvy(a) - byEnvy(b) || a - b)
        .slice(0, candidatesPerViolation);
      const changes = [
        ...wanted.map((race) => [{ race, to: envious }]),
        ...wanted.flatMap((race) =>
          spare.map((own) => [
            { race, to: envious },
            { race: own, to: envied },
          ]),
        ),
      ];
      for (const change of changes) {
        trials += 1;
        const fewer = () => violations() < current;
        if (guard.tryApply(change, (_, from) => ({ kind: 'envy', from }), fewer)) {
          current = violations();
          break;
        }
        if (trials >= maxTrials) return;
      }
      if (current < before) break;
    }
    if (current >= before) return;
  }
}
