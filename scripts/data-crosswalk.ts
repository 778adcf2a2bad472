/**
 * `npm run data:crosswalk`: computes the area-based county ↔ House district crosswalk from the
 * shipped shapes (data/us-congress-districts, us-atlas counties) and writes it to
 * data/us-house-county-crosswalk/county-districts.json, which servers read instead of computing it.
 * Run it after changing the shapes or the method (src/core/geo/area-share.ts, crosswalk.ts):
 * src/features/map/crosswalk.test.ts fails until the file matches.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { computeCrosswalk, crosswalkInputsHash, mapFirstElection } from '../src/features/map/crosswalk.ts';
import { crosswalkFile, serializeShipped, toShipped } from '../src/features/map/crosswalk-file.ts';

const started = performance.now();
const [rows, inputs, maps] = [
  await computeCrosswalk(),
  await crosswalkInputsHash(),
  await mapFirstElection(),
];
const text = serializeShipped(
  toShipped(rows, {
    inputsSha256: inputs.sha256,
    inputs: inputs.describe,
    inputFiles: inputs.files,
    mapFirstElection: maps,
  }),
);
mkdirSync(dirname(crosswalkFile), { recursive: true });
writeFileSync(crosswalkFile, text);
console.log(
  `${crosswalkFile}: ${rows.length} rows, ${Buffer.byteLength(text)} bytes, inputs sha256 ${inputs.sha256.slice(0, 12)}…, ${Math.round(performance.now() - started)} ms`,
);
