import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dataDir } from './datasets/dataset-files.ts';

/**
 * The county ↔ House district crosswalk as shipped in data/: computed from shipped, immutable
 * shapes by `npm run data:crosswalk` (scripts/data-crosswalk.ts), so that no server computes it
 * again (~1 s of CPU and ~190 MB of heap it kept). `crosswalk.test.ts` recomputes it and fails when
 * the file is stale. Format and precision: data/us-house-county-crosswalk/README.md.
 */
export const crosswalkFile = `${dataDir}us-house-county-crosswalk/county-districts.json`;

/** Shares are stored to 4 decimals: 0.01% of a county's area, finer than the sampling's own error. */
export const shareDecimals = 4;
export const roundShare = (share: number): number =>
  Math.round(share * 10 ** shareDecimals) / 10 ** shareDecimals;

const shippedSchema = z.object({
  shareDecimals: z.literal(shareDecimals),
  /** sha256 of the input files (`crosswalkInputsHash`), to tell a stale file from a current one. */
  inputsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Which files the hash covers, in words, and how many there were. */
  inputs: z.string(),
  inputFiles: z.number().int().positive(),
  /** USPS → the first election held on the state's shipped map; null for an at-large state (the whole state). */
  mapFirstElection: z.record(z.string(), z.number().int().nullable()),
  /** County FIPS → [district code, share of the county's area], the largest share first. */
  counties: z.record(z.string().regex(/^\d{5}$/), z.array(z.tuple([z.string(), z.number().gt(0).lte(1)]))),
});
export type ShippedCrosswalk = z.infer<typeof shippedSchema>;

export interface CrosswalkRow {
  county: string;
  /** Map code of the district: `MI-13`, at-large seats `WY-AL`. */
  district: string;
  share: number;
}

const byShareThenDistrict = (
  a: { district: string; share: number },
  b: { district: string; share: number },
) => b.share - a.share || a.district.localeCompare(b.district, 'en', { numeric: true });

/** The computed rows in the shipped form: rounded, counties in FIPS order, largest share first. */
export function toShipped(
  rows: readonly CrosswalkRow[],
  meta: Pick<ShippedCrosswalk, 'inputsSha256' | 'inputs' | 'inputFiles' | 'mapFirstElection'>,
): ShippedCrosswalk {
  const byCounty = new Map<string, { district: string; share: number }[]>();
  for (const r of rows)
    byCounty.set(r.county, [
      ...(byCounty.get(r.county) ?? []),
      { district: r.district, share: roundShare(r.share) },
    ]);
  const counties: ShippedCrosswalk['counties'] = {};
  for (const county of [...byCounty.keys()].sort())
    counties[county] = (byCounty.get(county) ?? [])
      .sort(byShareThenDistrict)
      .map((d) => [d.district, d.share]);
  const mapFirstElection = Object.fromEntries(
    Object.entries(meta.mapFirstElection).sort(([a], [b]) => a.localeCompare(b)),
  );
  return { shareDecimals, ...meta, mapFirstElection, counties };
}

/** JSON with one county per line: compact, and a regenerated file diffs county by county. */
export function serializeShipped(shipped: ShippedCrosswalk): string {
  const { counties, ...header } = shipped;
  const lines = Object.entries(counties).map(
    ([county, districts]) => `${JSON.stringify(county)}:${JSON.stringify(districts)}`,
  );
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},"counties":{\n${lines.join(',\n')}\n}}\n`;
}

export function readShippedCrosswalk(file = crosswalkFile): ShippedCrosswalk {
  return shippedSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
