import { computeEntitlement, type Entitlement } from './entitlement.ts';
import { checkCountFeasibility } from './feasibility.ts';
import { type HardRules, resolveRules } from './rules.ts';
import { noPactExpectedWins, type RaceValues, raceValues } from './transfer.ts';
import type { Pact, PactInput } from './types.ts';
import { validatePact } from './validate.ts';

/** Everything both solvers share: the validated pact, its hard rules, valuations and bounds. */
export interface PreparedPact {
  readonly pact: Pact;
  readonly rules: HardRules;
  readonly values: RaceValues;
  readonly entitlement: Entitlement;
  /** Coalition expected wins per race without a pact. */
  readonly noPact: readonly number[];
}

/** Validates, resolves locks/vetoes/presets and rejects visibly infeasible inputs (throws DomainError). */
export function preparePact(input: PactInput): PreparedPact {
  const pact = validatePact(input);
  const rules = resolveRules(pact);
  const values = raceValues(pact);
  const entitlement = computeEntitlement(pact, rules, values);
  checkCountFeasibility(pact, rules, entitlement);
  const noPact = pact.races.map((race) => noPactExpectedWins(race, pact.settings.uncertainty));
  return { pact, rules, values, entitlement, noPact };
}
