export { decideMajority, type MajorityDecisionResult, type PublishedWeight } from './decide.ts';
export { formatRatio, formatScaled } from './decimal.ts';
export { type MajorityOutcome, type MajorityTally, quorumNeeded, tallyMajority } from './majority.ts';
export * from './types.ts';
export { type VoterWeight, weighVoters } from './weights.ts';
