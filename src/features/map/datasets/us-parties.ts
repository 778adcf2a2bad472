import type { UsPartyGroup } from '../kinds.ts';

/**
 * Ballot-line labels (as MEDSL writes them) grouped into the parties the map counts. Only exact
 * labels are listed: a new label falls into OTH until someone adds it here on purpose.
 */
const groups: Record<Exclude<UsPartyGroup, 'OTH'>, readonly string[]> = {
  // Minnesota's and North Dakota's Democratic parties carry their state names on the ballot.
  DEM: [
    'DEMOCRAT',
    'DEMOCRATIC',
    'DEMOCRATIC-FARMER-LABOR',
    'DEMOCRATIC-FARM-LABOR',
    'DEMOCRATIC-NONPARTISAN LEAGUE',
    'DEMOCRATIC-NPL',
    'DEMOCRATIC PARTY NOMINEES',
  ],
  REP: ['REPUBLICAN'],
  LIB: ['LIBERTARIAN', 'LIBERTARIAN PARTY', 'LIBERTARIAN PARTY OF FLORIDA'],
  GRN: [
    'GREEN',
    'GREEN PARTY',
    'PACIFIC GREEN',
    'GREEN-RAINBOW',
    'GREEN-RAINBOW PARTY',
    'WISCONSIN GREEN',
    'D.C. STATEHOOD GREEN',
    'DC STATEHOOD GREEN',
    'NEVADA GREEN PARTY',
    'GREEN INDEPENDENT',
  ],
  IND: [
    'INDEPENDENT',
    'INDEPENDENTS',
    'INDEPENDENT CANDIDATES',
    'NO PARTY AFFILIATION',
    'NO  AFFILIATION',
    'NONE',
    'UNAFFILIATED',
    'NONPARTISAN',
    'NON PARTISAN',
    'NON-AFFILIATED',
    'NONAFFILIATED',
  ],
};

const groupByLabel = new Map<string, UsPartyGroup>(
  Object.entries(groups).flatMap(([group, labels]) => labels.map((label) => [label, group as UsPartyGroup])),
);

/** MEDSL's `party_simplified` (president files) is trusted for the two big parties and Libertarians. */
const simplifiedGroups: Record<string, UsPartyGroup> = {
  DEMOCRAT: 'DEM',
  REPUBLICAN: 'REP',
  LIBERTARIAN: 'LIB',
};

export function usPartyGroup(label: string, simplified?: string): UsPartyGroup {
  const fromSimplified = simplified ? simplifiedGroups[simplified.toUpperCase()] : undefined;
  return fromSimplified ?? groupByLabel.get(label.toUpperCase()) ?? 'OTH';
}

/** Rows that are not votes for anyone: kept out of the valid total (MEDSL lists them as candidates). */
const notVotes = new Set([
  'OVERVOTES',
  'OVER VOTE',
  'OVER VOTES',
  'UNDERVOTES',
  'UNDER VOTES',
  'BLANK VOTES',
  'BLANK VOTE',
  'VOID',
  'VOID VOTE',
]);

/** Rows that mix blank ballots with scattered write-ins: cannot be split, so they count as others. */
const mixedBlankAndScattering = new Set(['BLANK VOTE/SCATTERING', 'BLANK VOTE/VOID VOTE/SCATTERING']);

export function classifyCandidateName(name: string): 'candidate' | 'not_votes' | 'mixed_blank' {
  const upper = name.toUpperCase();
  if (notVotes.has(upper)) return 'not_votes';
  if (mixedBlankAndScattering.has(upper)) return 'mixed_blank';
  return 'candidate';
}
