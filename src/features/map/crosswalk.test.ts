import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CrosswalkRow,
  computeCrosswalk,
  countyDistricts,
  crosswalkInputsHash,
  crosswalkLabel,
  loadCrosswalk,
  mapFirstElection,
} from './crosswalk.ts';
import { crosswalkFile, readShippedCrosswalk, serializeShipped, toShipped } from './crosswalk-file.ts';

const regenerate =
  'run `npm run data:crosswalk` and commit data/us-house-county-crosswalk/county-districts.json';

/** The shipped file against the crosswalk computed here from the shipped shapes (~1.5 s). */
describe('the shipped county ↔ House district crosswalk', () => {
  let rows: CrosswalkRow[] = [];
  let inputs: Awaited<ReturnType<typeof crosswalkInputsHash>>;
  beforeAll(async () => {
    [rows, inputs] = [await computeCrosswalk(), await crosswalkInputsHash()];
  }, 120_000);

  it('was computed from the shipped inputs (their hash) and equals computeCrosswalk() rounded, byte for byte', async () => {
    const shipped = readShippedCrosswalk();
    expect(shipped.inputsSha256, `the district shapes or us-atlas counties changed: ${regenerate}`).toBe(
      inputs.sha256,
    );
    const expected = toShipped(rows, {
      inputsSha256: inputs.sha256,
      inputs: inputs.describe,
      inputFiles: inputs.files,
      mapFirstElection: await mapFirstElection(),
    });
    expect(shipped, `the crosswalk method changed: ${regenerate}`).toEqual(expected);
    expect(readFileSync(crosswalkFile, 'utf8')).toBe(serializeShipped(expected));
  });

  it('a file written by the script reads back the same, and a county with a share it does not hold changes it', () => {
    const sample: CrosswalkRow[] = [
      { county: '26163', district: 'MI-13', share: 0.29374 },
      { county: '26163', district: 'MI-12', share: 0.40806 },
      { county: '56021', district: 'WY-AL', share: 1 },
    ];
    const meta = {
      inputsSha256: '0'.repeat(64),
      inputs: 'test',
      inputFiles: 1,
      mapFirstElection: { WY: null },
    };
    const shipped = toShipped(sample, meta);
    expect(shipped.counties).toEqual({
      '26163': [
        ['MI-12', 0.4081],
        ['MI-13', 0.2937],
      ],
      '56021': [['WY-AL', 1]],
    });
    expect(JSON.parse(serializeShipped(shipped))).toEqual(shipped);
    expect(toShipped([...sample, { county: '26163', district: 'MI-11', share: 0.2 }], meta)).not.toEqual(
      shipped,
    );
  });

  it('splits Wayne County among four Michigan districts, gives an at-large county to its state seat, and says it is area-based', async () => {
    const crosswalk = await loadCrosswalk();
    const wayne = await countyDistricts('26163');
    expect(wayne.map((r) => r.district)).toEqual(['MI-12', 'MI-13', 'MI-11', 'MI-14']);
    const total = wayne.reduce((sum, r) => sum + r.share, 0);
    expect(total).toBeGreaterThan(0.95);
    expect(total).toBeLessThanOrEqual(1.000001);
    expect(wayne[0]?.share).toBeGreaterThan(0.3);
    expect(await countyDistricts('56021')).toEqual([{ district: 'WY-AL', share: 1 }]);
    expect(await countyDistricts('99999')).toEqual([]);
    // Pennsylvania uses its court-drawn 2018 map (the latest shipped), 18 districts.
    const districts = new Set([...crosswalk.values()].flatMap((d) => [...d.keys()]));
    expect([...districts].filter((d) => d.startsWith('PA-'))).toHaveLength(18);
    expect(readShippedCrosswalk().mapFirstElection).toMatchObject({ PA: 2018, MI: 2012, NC: 2016, WY: null });
    // Nearly every county is covered (the rest are coastal: water in the county, not in a district).
    const sums = [...crosswalk.values()].map((d) => [...d.values()].reduce((a, b) => a + b, 0));
    expect(sums.filter((s) => s > 0.95).length / sums.length).toBeGreaterThan(0.97);
    expect(crosswalkLabel).toContain('area-based');
  });
});
