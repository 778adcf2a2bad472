import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadReferenceData, prepareDatasets } from '../../src/features/map/index.ts';
import type { App } from '../../src/http/types.ts';
import { inTx } from '../helpers/governance.ts';
import { testConfig } from '../helpers/test-app.ts';
import { useTestDatabase } from '../helpers/test-database.ts';

/**
 * The map's painted shapes are kept ready to send (src/features/map/map.routes.ts): built once while
 * the change feed reports no map write, compressed once per encoding, 304 to their ETag. On in-memory
 * PGlite or the PostgreSQL of DATABASE_URL (notifications then arrive a moment after the commit).
 */
const database = useTestDatabase();
let app: App;
const url = '/api/map/us/states.topojson?set=us-president-2024-state';

beforeAll(async () => {
  const handle = database();
  const datasets = await prepareDatasets(['us-geography', 'us-president-2024-state']);
  await inTx(handle.db, (trx) => loadReferenceData(trx, datasets));
  app = await buildApp({ db: handle.db, config: testConfig, strictContracts: true, listen: handle.listen });
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const vermontVotes = async () => {
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode).toBe(200);
  const vermont = response.json().objects.states.geometries.find((g: { id: string }) => g.id === '50') as {
    properties: { dem: number };
  };
  return { etag: String(response.headers.etag), dem: vermont.properties.dem, body: response.body };
};

/** Adds votes to Vermont's Democratic line, telling the change feed (`notify`) or not. */
const addVermontVotes = (votes: number, notify: boolean) =>
  inTx(database().db, async (trx) => {
    // Triggers off for this transaction only: the write another process could make unheard.
    if (!notify) await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql`
      UPDATE result_votes SET votes = votes + ${votes}
      WHERE party = 'DEM' AND result_set_id = (SELECT id FROM result_sets WHERE slug = 'us-president-2024-state')
        AND jurisdiction_id = (SELECT id FROM jurisdictions WHERE kind = 'state' AND code = '50' AND coalition_id IS NULL)`.execute(
      trx,
    );
  });

describe('map shapes kept in memory', () => {
  it('serves the same body without reading the database until a map write is notified', async () => {
    expect(app.changes.live).toBe(true);
    const first = await vermontVotes();
    // A write nobody is told of: the kept body does not see it (the proof that a hit reads nothing).
    await addVermontVotes(1_000, false);
    const kept = await vermontVotes();
    expect(kept).toEqual(first);
    // A notified map write: the next request builds the body again and reads both writes.
    await addVermontVotes(10, true);
    await vi.waitFor(
      async () => {
        const after = await vermontVotes();
        expect(after.dem).toBe(first.dem + 1_010);
        expect(after.etag).not.toBe(first.etag);
      },
      { timeout: 5_000, interval: 50 },
    );
  });

  it('sends it compressed as the client accepts, with its cache headers, and 304 to its ETag', async () => {
    const plain = await app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^application\/json/);
    expect(plain.headers['cache-control']).toBe('public, max-age=3600');
    expect(plain.headers.vary).toBe('cookie, accept-encoding');
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.body.length / 2);
    const gzip = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(br.headers.etag).toBe(plain.headers.etag);
    const again = await app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': String(plain.headers.etag), 'accept-encoding': 'br' },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const geojson = await app.inject({ method: 'GET', url: url.replace('topojson', 'geojson') });
    expect(geojson.headers['content-type']).toContain('application/geo+json');
    expect(geojson.json().features).toHaveLength(56);
  });
});
