import type { RoutesPlugin } from '../../http/types.ts';
import { registerCharterRoutes } from './charter.routes.ts';
import { registerOrganizationRoutes } from './organizations.routes.ts';

/** The coalition registry: organizations, evidence, delegates, charter, settings. */
export const registerRegistryRoutes: RoutesPlugin = async (app) => {
  await registerCharterRoutes(app);
  await registerOrganizationRoutes(app);
};
