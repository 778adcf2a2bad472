/**
 * The workspace feature's public surface (docs/architecture.md, "Features are modules"): the
 * dashboard's to-do list and the command palette's search, assembled from the features below it.
 */
export { searchWorkspace } from './search.service.ts';
export { getToday } from './today.service.ts';
