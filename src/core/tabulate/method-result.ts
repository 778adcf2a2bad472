import type { CountContext } from './count-context.ts';
import type { Outcome, Round, TiebreakPurpose } from './types.ts';

/** What a counting method hands back; tabulate() adds the parts common to all methods. */
export interface MethodResult {
  winners: number[];
  /** Best first: winners in order of election, then the others as the method orders them. */
  ranking: number[];
  rounds: Round[];
  outcome: Outcome;
  quota?: string;
}

/** The outcome of a count the `stop` rule ended: the tie it just recorded. */
export function stoppedOnTie(ctx: CountContext, round: number, purpose: TiebreakPurpose): Outcome {
  return { kind: 'tie', round, purpose, tied: ctx.tiebreaker.records.at(-1)?.tied ?? [] };
}
