import type { AdviceView } from '../../api/pacts.ts';
import { formatWins } from './format.ts';

export interface AdviceNames {
  member: ReadonlyMap<string, string>;
  race: ReadonlyMap<string, string>;
}

export interface AdviceText {
  loses: boolean;
  headline: string;
  detail: string;
  costs: string[];
  racesBelow: string[];
  fixes: string[];
}

/** Below this, a difference in expected wins is rounding, not a finding. */
const noticeable = 0.005;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The advice as sentences with names: no engine keys, no rule paths. */
export function adviceSentences(advice: AdviceView, names: AdviceNames): AdviceText {
  const member = (key: string | null) => (key === null ? 'nobody' : (names.member.get(key) ?? key));
  const race = (key: string) => names.race.get(key) ?? key;
  const loses = advice.difference < -noticeable;
  const headline = loses
    ? `This pact loses ${formatWins(-advice.difference)} expected wins against no pact.`
    : advice.difference > noticeable
      ? `This pact gains ${formatWins(advice.difference)} expected wins against no pact.`
      : 'This pact wins about as much as no pact.';
  const detail = `With the pact the coalition expects ${formatWins(advice.pactWins)} wins; with every member running on its own, ${formatWins(advice.noPactWins)}.`;

  const costs: string[] = [];
  for (const price of advice.prices) {
    if (price.rule === 'entitlement') {
      costs.push(
        price.cost > noticeable
          ? `Sharing races by the members’ weights costs ${formatWins(price.cost)} expected wins: giving every race to the member most likely to win it (locks and vetoes kept) would expect ${formatWins(price.withoutIt)}.`
          : 'Sharing races by the members’ weights costs nothing measurable here.',
      );
    } else {
      const what =
        price.rule === 'locks' ? plural(price.count, 'lock', 'locks') : plural(price.count, 'veto', 'vetoes');
      costs.push(
        price.cost > noticeable
          ? `The ${what} cost ${formatWins(price.cost)} expected wins: the engine without them expects ${formatWins(price.withoutIt)}.`
          : `The ${what} cost nothing measurable.`,
      );
    }
  }
  if (advice.fairnessCost !== null) {
    costs.push(
      advice.fairnessCost > noticeable
        ? `Fairness (no member envies another beyond one race, WEF1) costs ${formatWins(advice.fairnessCost)} expected wins against the best pact that ignores it.`
        : 'Fairness (WEF1) costs nothing measurable against the best pact that ignores it.',
    );
  }
  costs.push(
    `These figures come from re-running the fast engine without each rule (${formatWins(advice.heuristicWins)} expected wins with every rule).`,
  );

  const racesBelow = advice.racesBelowNoPact
    .slice(0, 5)
    .map(
      (r) =>
        `${race(r.race)}: ${r.member === null ? 'no coalition candidate' : `${member(r.member)} ${formatWins(r.pact)}`} against ${formatWins(r.noPact)} with every member running.`,
    );
  if (advice.racesBelowNoPact.length > 5)
    racesBelow.push(`And ${plural(advice.racesBelowNoPact.length - 5, 'more race', 'more races')}.`);

  const fixes = advice.fixes.map((fix) => {
    switch (fix.kind) {
      case 'leave-out':
        return `Leave ${fix.races.map(race).join(', ')} out of the pact, so members run on their own there: up to +${formatWins(fix.gain)}.`;
      case 'share-by-expected-wins':
        return `Share expected wins rather than races among the members (the pact's settings): up to +${formatWins(fix.gain)}.`;
      case 'report-entitlement':
        return `Report each member's share instead of enforcing it: up to +${formatWins(fix.gain)}.`;
      case 'lift-rule':
        return fix.rule.kind === 'lock'
          ? `Unlock ${race(fix.rule.race)} from ${member(fix.rule.member)}: ${member(fix.rule.best)} is likelier to win there (+${formatWins(fix.rule.gain)}).`
          : `Lift the veto on ${member(fix.rule.member)} in ${race(fix.rule.race)}, the member likeliest to win there (+${formatWins(fix.rule.gain)}).`;
    }
    return '';
  });
  return { loses, headline, detail, costs, racesBelow, fixes };
}
