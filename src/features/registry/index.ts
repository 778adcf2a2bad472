/**
 * The registry feature's public surface: the only file other features import (docs/architecture.md,
 * "Features are modules"). The web app imports `registry.contract.ts` and `registry.schema.ts` instead.
 */
export { checkAdmission, evaluateAdmissionOf } from './admission.service.ts';
export { adoptCharterVersion, foundCharter, getCharterStatus, ratifyCharter } from './charter.service.ts';
export { getPublicCoalition } from './coalition.service.ts';
export {
  evidenceFacts,
  isoDay,
  submitEvidence,
  verifiedStrengths,
  verifyEvidence,
} from './evidence.service.ts';
export type { OrganizationRow } from './organizations.repository.ts';
export {
  createOrganization,
  findOrganizationOr404,
  getOrganizationDetail,
  listOrganizationViews,
  updateOrganization,
} from './organizations.service.ts';
export { demoEmail, demoSecretariatEmail, registryDemoStep } from './registry.demo.ts';
export {
  type CreateOrganizationInput,
  fractionSchema,
  planksSchema,
  publicCoalitionSchema,
  strengthMetricSchema,
} from './registry.schema.ts';
export { findCoalitionBySlug } from './settings.repository.ts';
export { getSettings, updateSettings } from './settings.service.ts';
export { applyTransition } from './status.service.ts';
