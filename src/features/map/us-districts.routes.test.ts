import { gunzipSync } from 'node:zlib';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/helpers/test-app.ts';
import { useTestDatabase } from '../../../test/helpers/test-database.ts';
import type { App } from '../../http/types.ts';

const database = useTestDatabase();

type Districts = FeatureCollection<Polygon | MultiPolygon, { name: string; state: string; election: number }>;

describe('GET /api/map/us/districts.geojson (the shipped House district shapes)', () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp(database().db);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('returns Michigan’s fourteen 2020 districts with their geometry, compressed and cacheable', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/map/us/districts.geojson?state=MI',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toContain('application/geo+json');
    const body = JSON.parse(gunzipSync(response.rawPayload).toString('utf8')) as Districts;
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f) => f.id)).toEqual(
      Array.from({ length: 14 }, (_, i) => `MI-${i + 1}`).sort((a, b) => a.localeCompare(b)),
    );
    const twelve = body.features.find((f) => f.id === 'MI-12');
    expect(twelve?.properties).toMatchObject({ name: 'Michigan district 12', state: 'MI', election: 2020 });
    expect(['Polygon', 'MultiPolygon']).toContain(twelve?.geometry.type);
    // Detroit's district lies around 83°W, 42°N.
    const [lon, lat] = (twelve?.geometry.type === 'Polygon'
      ? twelve.geometry.coordinates[0]?.[0]
      : twelve?.geometry.coordinates[0]?.[0]?.[0]) ?? [0, 0];
    expect(lon).toBeGreaterThan(-84.5);
    expect(lon).toBeLessThan(-82.5);
    expect(lat).toBeGreaterThan(41.5);
    expect(lat).toBeLessThan(43);

    const again = await app.inject({
      method: 'GET',
      url: '/api/map/us/districts.geojson?state=MI',
      headers: { 'if-none-match': String(response.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('every state’s latest districts without a state, and 400 for a malformed state', async () => {
    const all = (await app.inject('/api/map/us/districts.geojson')).json() as Districts;
    expect(all.features.filter((f) => f.properties.state === 'PA')).toHaveLength(18);
    expect(
      all.features.filter((f) => f.properties.state === 'NC').every((f) => f.properties.election === 2018),
    ).toBe(true);
    expect((await app.inject('/api/map/us/districts.geojson?state=Michigan')).statusCode).toBe(400);
  });
});
