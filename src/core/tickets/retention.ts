/**
 * Whether a party keeps its ballot line after an election. The shipped table states each state's
 * rule as text (`retention_rule`). Where the text is a clear vote threshold, a reading below turns
 * it into arithmetic; each reading names a fragment of the text it was written from, and is used
 * only while the shipped text still contains it (a changed rule falls back to a manual decision
 * instead of being computed with an outdated reading). Every other rule is shown as text and asks
 * for a manual decision.
 */

/** Offices whose race decides ballot status in a rule. */
export type RetentionOffice =
  | 'us_president'
  | 'governor'
  | 'us_senate'
  | 'secretary_of_state'
  | 'us_house'
  | 'general_assembly'
  | 'statewide';

export interface RetentionReading {
  statePo: string;
  /** A fragment the shipped rule text must contain for this reading to apply. */
  readsFrom: string;
  /** The races whose result counts; `statewide` accepts any statewide race. */
  offices: readonly RetentionOffice[];
  /** The share of the base needed, as a fraction. */
  share: { num: number; den: number };
  /** `race_total`: the race's total vote; `winner_votes`: the winning candidate's votes (MI). */
  base: 'race_total' | 'winner_votes';
  /** A floor in votes: the threshold is the greater of it and the share (NY: 130,000). */
  minVotes: number | null;
  /** `more than` rather than `at least`. */
  strict: boolean;
  /** Another route (registration, earlier cycles) can keep the line: a failed vote test asks for a manual decision. */
  otherRoute: string | null;
}

const r = (
  statePo: string,
  readsFrom: string,
  offices: RetentionOffice[],
  percent: number,
  extra: Partial<Pick<RetentionReading, 'base' | 'minVotes' | 'strict' | 'otherRoute'>> = {},
): RetentionReading => ({
  statePo,
  readsFrom,
  offices,
  // Percentages in tenths, so 2.5 % stays an exact fraction.
  share: { num: Math.round(percent * 10), den: 1000 },
  base: extra.base ?? 'race_total',
  minVotes: extra.minVotes ?? null,
  strict: extra.strict ?? false,
  otherRoute: extra.otherRoute ?? null,
});

const topOfTicket: RetentionOffice[] = ['governor', 'us_president'];

/** The clear vote thresholds of the shipped table (docs/tickets.md lists them with their text). */
export const retentionReadings: readonly RetentionReading[] = [
  r('AL', 'must poll 20%', ['statewide'], 20),
  r('AR', 'governor or president must get at least 3%', topOfTicket, 3),
  r('CT', 'poll at least 1% for the office', ['statewide'], 1),
  r('GA', '20% gubernatorial/presidential', topOfTicket, 20),
  r('IL', 'more than 5% of the gubernatorial vote', ['governor'], 5, { strict: true }),
  r('IN', 'at least 2% of the SOS vote', ['secretary_of_state'], 2),
  r('IA', 'at least 2% of the total vote', topOfTicket, 2),
  r('MI', 'at least 1% of the votes cast for the winning Secretary of State', ['secretary_of_state'], 1, {
    base: 'winner_votes',
  }),
  r('NE', 'at least 5% for a statewide office', ['statewide'], 5),
  r('NH', 'at least 4% for governor or US Senate', ['governor', 'us_senate'], 4),
  r('NJ', 'least 10% of the statewide General Assembly vote', ['general_assembly'], 10),
  r('NY', 'Greater of 130,000 votes or 2%', topOfTicket, 2, { minVotes: 130_000 }),
  r('NC', 'governor or president gets at least 2%', topOfTicket, 2),
  r('OH', 'governor or president polls at least 3%', topOfTicket, 3),
  r('OK', 'gets at least 2.5%', topOfTicket, 2.5),
  r('OR', 'at least 1% in any statewide race', ['statewide'], 1, {
    otherRoute: 'registration of at least 0.5% of the state total',
  }),
  r('RI', 'governor or president polls at least 5%', topOfTicket, 5),
  r('TN', 'gets at least 5%', ['statewide'], 5),
  r('TX', 'gets at least 5% of the vote for that office', ['statewide'], 5),
  r('WI', 'at least 1% for a statewide race', ['statewide'], 1),
  r(
    'WY',
    'US House, governor or secretary of state gets at least 2%',
    ['us_house', 'governor', 'secretary_of_state'],
    2,
  ),
];

export interface RetentionInput {
  statePo: string;
  /** The rule as the shipped table states it (blank when the table has none). */
  ruleText: string;
  /** The race counted: its office, total vote and winner's votes. */
  office: RetentionOffice;
  raceTotal: number;
  winnerVotes: number;
  /** The votes on the party's line in that race. */
  lineVotes: number;
}

export type RetentionVerdict =
  | {
      kind: 'keeps' | 'loses';
      threshold: number;
      lineVotes: number;
      reading: RetentionReading;
      ruleText: string;
    }
  | { kind: 'manual'; reason: string; ruleText: string; threshold: number | null };

/** The reading of a state's rule, or null when the rule is not a clear threshold (or its text changed). */
export function findRetentionReading(statePo: string, ruleText: string): RetentionReading | null {
  return (
    retentionReadings.find(
      (reading) => reading.statePo === statePo && ruleText.includes(reading.readsFrom),
    ) ?? null
  );
}

/** The votes a line needs under a reading: the share of the base, rounded up, and at least the floor. */
export function retentionThreshold(
  reading: RetentionReading,
  raceTotal: number,
  winnerVotes: number,
): number {
  const base = reading.base === 'winner_votes' ? winnerVotes : raceTotal;
  // Integer arithmetic: votes × num / den, rounded up (a share of 2% of 1,001 votes needs 21 votes).
  const share = Math.ceil((base * reading.share.num) / reading.share.den);
  return Math.max(share, reading.minVotes ?? 0);
}

export function decideRetention(input: RetentionInput): RetentionVerdict {
  const ruleText = input.ruleText.trim();
  if (!ruleText)
    return {
      kind: 'manual',
      reason: 'The table states no retention rule for this state.',
      ruleText,
      threshold: null,
    };
  const reading = findRetentionReading(input.statePo, ruleText);
  if (!reading) {
    return {
      kind: 'manual',
      reason: 'The rule is not a clear vote threshold: decide it by hand.',
      ruleText,
      threshold: null,
    };
  }
  if (!reading.offices.includes('statewide') && !reading.offices.includes(input.office)) {
    return {
      kind: 'manual',
      reason: `The rule counts ${reading.offices.join(' or ')}, not ${input.office}.`,
      ruleText,
      threshold: null,
    };
  }
  const threshold = retentionThreshold(reading, input.raceTotal, input.winnerVotes);
  // A strict rule ("more than 5%") needs one vote beyond the share itself.
  const exact = reading.strict && (input.raceTotal * reading.share.num) % reading.share.den === 0;
  const needed = exact ? threshold + 1 : threshold;
  const passes = input.lineVotes >= needed;
  if (!passes && reading.otherRoute) {
    return {
      kind: 'manual',
      reason: `Below the vote test (${input.lineVotes} of ${needed} needed); the line may still be kept by ${reading.otherRoute}.`,
      ruleText,
      threshold: needed,
    };
  }
  return {
    kind: passes ? 'keeps' : 'loses',
    threshold: needed,
    lineVotes: input.lineVotes,
    reading,
    ruleText,
  };
}
