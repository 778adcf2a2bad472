import type { RoutesPlugin } from '../../http/types.ts';
import { registerImportRoutes } from './import/import.routes.ts';
import { registerImportJobRoutes } from './import/import-jobs.routes.ts';
import { registerMergeRoutes } from './merge/merge.routes.ts';
import { registerOverlapRoutes } from './overlap/overlap.routes.ts';
import { registerPeopleRoutes } from './people.routes.ts';
import { registerPipelineRoutes } from './pipeline/pipeline.routes.ts';
import { registerSegmentRoutes } from './segments.routes.ts';

/** Supporters: each member's people, private to it; aggregates for the coalition. */
export const registerSupporterRoutes: RoutesPlugin = async (app) => {
  await registerPeopleRoutes(app);
  await registerSegmentRoutes(app);
  await registerImportRoutes(app);
  await registerImportJobRoutes(app);
  await registerOverlapRoutes(app);
  await registerMergeRoutes(app);
  await registerPipelineRoutes(app);
};
