import { describe, expect, it } from 'vitest';
import type { UsDistricts } from '../../api/map.ts';
import { buildDistrictGeometry } from './region-geometry.ts';

const square = (id: string, lon: number, lat: number): UsDistricts['features'][number] => ({
  type: 'Feature',
  id,
  properties: {
    name: `Michigan district ${id.slice(3)}`,
    state: 'MI',
    district: Number(id.slice(3)),
    election: 2020,
  },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + 0.5, lat],
        [lon + 0.5, lat + 0.5],
        [lon, lat + 0.5],
        [lon, lat],
      ],
    ],
  },
});

describe('buildDistrictGeometry', () => {
  const districts: UsDistricts = {
    type: 'FeatureCollection',
    features: [square('MI-12', -83.5, 42.1), square('MI-13', -83, 42.1), square('OH-3', -83, 39.9)],
  };

  it('draws only the pact’s districts, projected into the map’s frame, west to the left', () => {
    const geometry = buildDistrictGeometry(districts, new Set(['MI-12', 'MI-13', 'MI-99']));
    expect(geometry?.places.map((p) => [p.id, p.name])).toEqual([
      ['MI-12', 'Michigan district 12'],
      ['MI-13', 'Michigan district 13'],
    ]);
    const [west, east] = geometry?.places ?? [];
    expect(west?.path).toMatch(/^M/);
    expect(west?.centroid[0]).toBeLessThan(east?.centroid[0] ?? 0);
    for (const place of geometry?.places ?? []) {
      expect(place.centroid[0]).toBeGreaterThan(0);
      expect(place.centroid[0]).toBeLessThan(975);
      expect(place.centroid[1]).toBeGreaterThan(0);
      expect(place.centroid[1]).toBeLessThan(610);
    }
  });

  it('is null when no district of the pact has a shape', () => {
    expect(buildDistrictGeometry(districts, new Set(['WY-AL']))).toBeNull();
  });
});
