/**
 * The audit feature's public surface: the only file other features import (docs/architecture.md,
 * "Features are modules"). The web app imports `audit.contract.ts` instead (it carries no server code); src/app.ts and
 * src/cli.ts, the composition roots, import `audit.routes.ts` and `audit.cli.ts` directly.
 */

export { type AuditErrorCode, auditContract, auditErrors } from './audit.contract.ts';
export { sha256Hex } from './audit.hash.ts';
export { type AuditEventView, auditEventSchema, type CoveredTable, coveredTables } from './audit.schema.ts';
export {
  type AuditEntry,
  appendAudit,
  readChain,
  readChainHead,
  readPublicVersion,
  verifyAuditChain,
} from './audit.service.ts';
export type { RowRef } from './row-state.repository.ts';
export { candidateResultRowId, charterRatificationRowId } from './row-state-ids.ts';
