import { readFile } from 'node:fs/promises';
import type { DemoStep } from '../../demo/step.ts';
import { prepareDatasets } from './datasets/dataset-files.ts';
import { importDistricts, importRaces } from './imports/import.service.ts';
import { type LoadProgress, loadReferenceData } from './load.service.ts';

const sample = (name: string) => readFile(new URL(`./samples/${name}`, import.meta.url), 'utf8');

/** A line per quarter of the rows: the reference data is about half of a first start's demo load. */
function quarterLines(log: (line: string) => void): LoadProgress {
  let total = 0;
  let done = 0;
  let logged = 0;
  return {
    total: (rows) => {
      total = rows;
    },
    advance: (rows) => {
      done += rows;
      const quarter = total > 0 ? Math.floor((4 * done) / total) : 0;
      if (quarter > logged && quarter < 4) {
        logged = quarter;
        log(
          `demo: reference data ${quarter * 25}% (${done.toLocaleString('en')} of ${total.toLocaleString('en')} rows)`,
        );
      }
    },
  };
}

/**
 * The demo loads the shipped public datasets (`concord data load`), so the map, the races and the
 * past results are there on first start, and imports the fictional town of Riverbend's council
 * districts and races as the demo coalition's own data.
 */
export const mapDemoStep: DemoStep = {
  name: 'electoral map: shipped public datasets and a sample of the coalition’s own races',
  async run(db, context) {
    const reports = await loadReferenceData(db, await prepareDatasets(), {
      progress: quarterLines(context.log),
    });
    const loaded = reports.filter((r) => r.status === 'loaded').length;
    context.log(`demo: ${loaded} of ${reports.length} reference datasets loaded`);
    const admin = {
      userId: context.adminUserId,
      coalitionId: context.coalitionId,
      organizationId: null,
      role: 'admin' as const,
    };
    await importDistricts(db, admin, {
      file: 'council-districts.geojson',
      text: await sample('council-districts.geojson'),
      dryRun: false,
      options: { kind: 'municipality', parent: 'state:41' },
    });
    await importRaces(db, admin, {
      file: 'council-races.csv',
      text: await sample('council-races.csv'),
      dryRun: false,
    });
    context.log('demo: Riverbend council districts and races imported for the demo coalition');
  },
};
