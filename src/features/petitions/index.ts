/**
 * The petitions feature's public surface: the only file other features import (docs/architecture.md,
 * "Features are modules"). The web app imports `petitions.contract.ts` and `petitions.schema.ts`.
 */
export { listDrives } from './drives.service.ts';
export { petitionsDemoStep } from './petitions.demo.ts';
