/** The vote tabulation engine (pure). See docs/tabulation.md for the methods and their rules. */
export { type BallotStore, BallotStoreBuilder } from './ballot-store.ts';
export { BallotReader, type BallotReadOptions, readBallotText } from './parse/ballot-reader.ts';
export { maxPairwiseCandidates, resolveOptions, tabulate } from './tabulate.ts';
export * from './types.ts';
