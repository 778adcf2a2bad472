/**
 * Synthetic import files of any size, for the large-import tests and bench/map-import: `places`
 * wards of one new city (the file's first row creates it, so no reference data is needed), each
 * ward with its own race and two result lines. Deterministic: `round` shifts the votes, so an
 * import of another round changes every result line.
 */
export function* raceCsvLines(places: number, round = 0): Generator<string> {
  yield 'election,election_date,office,jurisdiction_kind,jurisdiction_code,jurisdiction_name,parent,candidate,party,votes,total_votes\n';
  yield 'big-2026,2026-11-03,mayor,municipality,BIG,Big City,,,,,\n';
  for (let i = 0; i < places; i += 1) {
    const code = `W-${String(i).padStart(6, '0')}`;
    const race = `big-2026,2026-11-03,ward_council,ward,${code},Ward ${i},municipality:BIG`;
    const yes = 100 + ((i * 7 + round) % 900);
    const no = 100 + ((i * 13 + round * 3) % 900);
    yield `${race},Ada ${i},DEM,${yes},${yes + no + 5}\n${race},Bo ${i},REP,${no},${yes + no + 5}\n`;
  }
}

export const raceCsv = (places: number, round = 0) => [...raceCsvLines(places, round)].join('');

/** `places` square wards as a GeoJSON FeatureCollection, each a small polygon in California. */
export function* districtGeoJsonChunks(places: number): Generator<string> {
  yield '{"type":"FeatureCollection","features":[';
  for (let i = 0; i < places; i += 1) {
    const lon = -122.5 + (i % 300) * 0.001;
    const lat = 37.7 + Math.floor(i / 300) * 0.001;
    const ring = [
      [lon, lat],
      [lon, lat + 0.001],
      [lon + 0.001, lat + 0.001],
      [lon + 0.001, lat],
      [lon, lat],
    ];
    const feature = {
      type: 'Feature',
      properties: { code: `D-${String(i).padStart(6, '0')}`, name: `District ${i}` },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
    yield `${i === 0 ? '' : ','}${JSON.stringify(feature)}`;
  }
  yield ']}';
}

export const districtGeoJson = (places: number) => [...districtGeoJsonChunks(places)].join('');
