/** Ids that must never be mixed up with other ids: an organization id is not a user id. */
export type OrganizationId = string & { readonly __brand: 'OrganizationId' };
export const asOrganizationId = (id: string): OrganizationId => id as OrganizationId;

/** An exact ratio of two positive integers, e.g. a 2/3 supermajority or a 1/2 quorum. */
export interface Fraction {
  num: number;
  den: number;
}

export const yesNoOptions = ['yes', 'no', 'abstain'] as const;
export type YesNoOption = (typeof yesNoOptions)[number];

/**
 * How one organization spends its one weight: integer thousandths per option summing to 1000,
 * e.g. `{yes: 700, no: 300, abstain: 0}` for a delegation split 70/30.
 */
export type Split = Record<YesNoOption, number>;
export const wholeSplit = 1000;

export type Weighting =
  | { kind: 'equal' }
  /** By strength (e.g. verified members); `capPermille` caps any one voter's share of the total weight. */
  | { kind: 'strength'; capPermille: number | null };

export type MajorityMethod =
  | { kind: 'majority' }
  | { kind: 'supermajority'; threshold: Fraction }
  | { kind: 'double_majority' }
  | { kind: 'consensus' };

export interface Voter {
  organizationId: OrganizationId;
  /** Raw strength (e.g. verified members); ignored under equal weighting. */
  strength: number;
}

export interface MajorityBallot {
  organizationId: OrganizationId;
  split: Split;
}
