/**
 * The ops feature (serve, migrate, demo commands) exports nothing to other features: src/cli.ts
 * imports `ops.cli.ts` directly.
 */
export {};
