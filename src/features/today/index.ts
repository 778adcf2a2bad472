/**
 * The today feature's public surface (docs/architecture.md, "Features are modules"): the
 * dashboard's to-do list, assembled from the decisions, registry and pacts features.
 */
export { getToday } from './today.service.ts';
