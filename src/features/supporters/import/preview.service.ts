import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type { Actor } from '../../../core/actor.ts';
import type { Db } from '../../../db/database.ts';
import { ownerScope } from '../access.ts';
import { firstLineOf, sniffDelimiter } from './import.service.ts';
import {
  detectPreset,
  type ImportTarget,
  type PresetName,
  plainTargets,
  presets,
  proposeMapping,
} from './presets.ts';
import { rowMapper } from './row-mapper.ts';

/** The mapping step: what the file holds and what the importer would make of its first rows. Saves nothing. */
export async function previewImport(
  _db: Db,
  actor: Actor,
  input: Readable,
  preset: PresetName | null,
  rows = 5,
) {
  ownerScope(actor, 'import supporters');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    chunks.push(Buffer.from(chunk as Buffer));
    size += (chunk as Buffer).length;
    if (size > 256 * 1024) break;
  }
  const head = Buffer.concat(chunks).toString('utf8');
  // Cut at the last complete line of what was read.
  const text = size > 256 * 1024 ? head.slice(0, head.lastIndexOf('\n') + 1) : head;
  const delimiter = sniffDelimiter(firstLineOf(text));
  const records = parse(text, {
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    to: rows + 1,
  }) as unknown as string[][];
  const headers = (records[0] ?? []).map((h) => h.trim());
  const chosen = preset ?? detectPreset(headers);
  const mapping: ImportTarget[] = proposeMapping(headers, chosen);
  const mapRow = rowMapper(headers, mapping, presets[chosen ?? 'concord'].tagSeparator);
  return {
    delimiter,
    headers,
    preset: chosen,
    presets: Object.entries(presets).map(([name, p]) => ({ name, label: p.label })),
    targets: plainTargets,
    mapping: headers.map((header, i) => ({ header, target: mapping[i] ?? 'skip' })),
    sample: records.slice(1).map((record) => mapRow(record)),
  };
}
