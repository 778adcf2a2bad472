import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadReferenceData, prepareDatasets } from '../../src/features/map/index.ts';
import { type E2eServer, launchBrowser, startE2eServer } from './harness.ts';

/**
 * A browser test's server with only the map datasets it reads (the demo loads all eleven, which
 * costs PGlite many seconds), the e2e coalition, and a browser.
 */
export function useMapE2e(datasetIds: readonly string[]): { server: E2eServer; browser: Browser } {
  const state = {} as { server: E2eServer; browser: Browser };
  beforeAll(async () => {
    state.server = await startE2eServer({ demo: false, webDist: inject('webDist') });
    const prepared = await prepareDatasets(datasetIds);
    await state.server.database.db.transaction().execute((trx) => loadReferenceData(trx, prepared));
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return state;
}
