/**
 * The rctab feature's public surface (docs/architecture.md, "Features are modules"): running RCTab
 * contest configs on official cast vote records. The web app imports `rctab.contract.ts`.
 */
export { type RctabErrorCode, rctabContract, rctabErrors } from './rctab.contract.ts';
export { countRctab } from './rctab.service.ts';
export type { RctabRun, RctabRunOptions } from './rctab.session.ts';
