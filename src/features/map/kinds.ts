/** Every kind of jurisdiction the map knows; `ward` and `department` extend the design's list. */
export const jurisdictionKinds = [
  'nation',
  'state',
  'county',
  'congressional_district',
  'state_legislative_district',
  'municipality',
  'ward',
  'department',
  'foreign_constituency',
] as const;
export type JurisdictionKind = (typeof jurisdictionKinds)[number];

export const isJurisdictionKind = (value: string): value is JurisdictionKind =>
  (jurisdictionKinds as readonly string[]).includes(value);

/** Offices of the shipped data; a coalition's imports may name others (lowercase slugs). */
export const offices = {
  usPresident: 'us_president',
  usHouse: 'us_house',
  frAssemblee: 'fr_assemblee_nationale',
} as const;

/** How a race was contested: MEDSL marks specials, runoffs and the 1996 Texas special primaries. */
export const raceStages = [
  'general',
  'special',
  'runoff',
  'special_primary',
  'primary',
  'first_round',
  'second_round',
] as const;
export type RaceStage = (typeof raceStages)[number];

/**
 * Party groups for US results. Ballot lines keep the party as written (`line`); `party` is the
 * group the two-party lean is computed from (DEM and REP) or a small set of others.
 */
export const usPartyGroups = ['DEM', 'REP', 'LIB', 'GRN', 'IND', 'OTH'] as const;
export type UsPartyGroup = (typeof usPartyGroups)[number];
