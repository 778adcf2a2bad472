/**
 * The tabulation feature's public surface: the only file other features import (docs/architecture.md,
 * "Features are modules"). The web app imports `tabulation.contract.ts` and `tabulation.schema.ts` instead.
 */
export { readBallotSource } from './ballot-source.ts';
export { countBallots, parseTabulationOptions } from './tabulation.service.ts';
