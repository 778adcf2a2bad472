import { createReadStream, createWriteStream } from 'node:fs';
import { parse } from 'csv-parse';
import { syntheticCsvHeader, syntheticCsvLine, syntheticPerson } from '/work/wt/supporters/src/features/supporters/synthetic.ts';
import { rowMapper } from '/work/wt/supporters/src/features/supporters/import/row-mapper.ts';
import { detectPreset, presets, proposeMapping } from '/work/wt/supporters/src/features/supporters/import/presets.ts';
import { toPersonRow } from '/work/wt/supporters/src/features/supporters/person-input.ts';
const n = Number(process.env.N ?? 200000);
const file = '/tmp/supp/p.csv';
const out = createWriteStream(file); out.write(syntheticCsvHeader);
for (let i = 0; i < n; i++) out.write(syntheticCsvLine(syntheticPerson(i)));
await new Promise((r) => out.end(r));
let t = performance.now();
let headers: string[] | null = null; let map: ReturnType<typeof rowMapper> | null = null;
let count = 0;
const parser = createReadStream(file).pipe(parse({ bom: true, delimiter: ',', relax_column_count: true, skip_empty_lines: true, info: true }));
let tParse = 0;
for await (const { record } of parser as AsyncIterable<{ record: string[] }>) {
  if (!headers) { headers = record; const p = detectPreset(headers); map = rowMapper(headers, proposeMapping(headers, p), presets[p ?? 'concord'].tagSeparator); continue; }
  if (process.env.PARSE_ONLY) { count++; continue; }
  const m = map!(record);
  const r = toPersonRow(m.input, new Set());
  if (r.problems.length) throw new Error(JSON.stringify(r.problems));
  count++;
}
console.log(count, 'rows', ((performance.now() - t) / 1000).toFixed(2), 's');
