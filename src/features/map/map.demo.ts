import type { DemoStep } from '../demo/demo.steps.ts';
import { prepareDatasets } from './datasets/dataset-files.ts';
import { loadReferenceData } from './load.service.ts';

/**
 * The demo loads the shipped public datasets (`concord data load`), so the map, the races and the
 * past results are there on first start. Reference data belongs to no coalition.
 */
export const mapDemoStep: DemoStep = {
  name: 'electoral map: shipped public datasets',
  async run(db, context) {
    const reports = await loadReferenceData(db, await prepareDatasets());
    const loaded = reports.filter((r) => r.status === 'loaded').length;
    context.log(`demo: ${loaded} of ${reports.length} reference datasets loaded`);
  },
};
