import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Actor } from '../../../core/actor.ts';
import { invalid } from '../../../core/errors.ts';
import { protectedCategoryOf } from '../../../core/people/protected-fields.ts';
import { suppressCount } from '../../../core/people/suppress.ts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../audit/index.ts';
import { ownerScope } from '../access.ts';
import { countPeople, type Scope } from '../people.repository.ts';
import { toPersonRow } from '../person-input.ts';
import { insertCustomFields, listCustomFields } from '../records.repository.ts';
import {
  analyzeStage,
  commitStage,
  createStage,
  findExistingDuplicates,
  stageLine,
  stageText,
} from './import.repository.ts';
import { orderedIds } from './ordered-ids.ts';
import { detectPreset, type ImportTarget, type PresetName, presets, proposeMapping } from './presets.ts';
import { rowMapper } from './row-mapper.ts';

export interface ImportOptions {
  fileName: string;
  /** null or absent: detected from the headers. */
  preset?: PresetName | null;
  /** The mapping step: header (as written in the file) → target, overriding the preset. */
  mapping?: Record<string, ImportTarget>;
  delimiter?: string;
  dryRun: boolean;
  batchSize?: number;
  onProgress?: (progress: { rows: number; bytes: number }) => void;
  /** Where the time went (bench/supporters prints it): each phase once, in milliseconds. */
  onPhase?: (phase: ImportPhase, ms: number) => void;
}

/**
 * read: parsing, mapping and staging, overlapped; waitingForStage: the part of it the parser spent
 * waiting for the previous batch's write; then the set-based steps after the file is staged.
 */
export type ImportPhase = 'read' | 'waitingForStage' | 'analyze' | 'duplicates' | 'people' | 'consents';

export interface ImportError {
  file: string;
  row: number;
  field: string;
  reason: string;
}

export interface ImportDuplicate {
  row: number;
  field: string;
  /** in_file: an earlier row of this file (`matchesRow`); existing: a person you already hold. */
  kind: 'in_file' | 'existing';
  matchesRow: number | null;
}

export interface ImportReport {
  file: string;
  preset: PresetName | null;
  mapping: { header: string; target: ImportTarget }[];
  rows: number;
  imported: number;
  skipped: { row: number; reason: string }[];
  errorCount: number;
  /** The first 1,000 errors (errorCount says how many in all). */
  errors: ImportError[];
  duplicateCount: number;
  duplicates: ImportDuplicate[];
  dryRun: boolean;
  committed: boolean;
}

const maxListed = 1000;

/** Sniffs , ; or tab from the first line, outside quotes. */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? ',';
}

/** Reads the first line of a buffer-start to sniff its delimiter (the stream itself is not consumed). */
export function firstLineOf(head: Buffer | string): string {
  const text = head.toString().replace(/^\uFEFF/, '');
  return text.split(/\r\n|\r|\n/, 1)[0] ?? '';
}

/** Header trimming and duplicate-header naming: the second "Email" becomes "Email__2", never overwriting. */
function dedupeHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h) => {
    const header = h.normalize('NFC').trim();
    const n = (seen.get(header.toLowerCase()) ?? 0) + 1;
    seen.set(header.toLowerCase(), n);
    return n === 1 ? header : `${header}__${n}`;
  });
}

/** The first chunk of a stream, put back so the parser still reads it. */
async function peekStart(stream: Readable): Promise<Buffer> {
  const chunk = await new Promise<Buffer | null>((resolve, reject) => {
    const read = () => {
      const data = stream.read() as Buffer | string | null;
      if (data !== null) return resolve(Buffer.isBuffer(data) ? data : Buffer.from(data));
      if (stream.readableEnded) return resolve(null);
      stream.once('readable', read);
    };
    stream.once('error', reject);
    stream.once('end', () => resolve(null));
    read();
  });
  if (chunk === null) return Buffer.alloc(0);
  stream.unshift(chunk);
  return chunk;
}

class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super('import rolled back');
  }
}

/**
 * Imports a CSV stream all-or-nothing: every row is checked, every problem reported (file, row,
 * field, reason), and nothing is saved unless there are none (and not with dryRun). Rows go in by
 * set-based batches inside one transaction; duplicates inside the file and against the people
 * you already hold are reported, not refused (the duplicates review merges them).
 */
export async function importPeople(
  db: Db,
  actor: Actor,
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  const scope = ownerScope(actor, 'import supporters');
  try {
    return await db.transaction().execute(async (trx) => {
      const report = await importInto(trx, scope, input, options);
      if (report.errorCount > 0 || options.dryRun) throw new Rollback(report);
      report.committed = true;
      await appendAudit(trx, {
        coalitionId: actor.coalitionId,
        actor,
        action: 'people.imported',
        subject: { type: 'organization', id: scope.organizationId },
        // The audit log is readable by every member: the size of an import is shown only above the small-count threshold.
        payload: { rows: suppressCount(report.imported), preset: report.preset },
      });
      return report;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.report;
    throw error;
  }
}

async function importInto(
  db: Db,
  scope: Scope,
  input: Readable,
  options: ImportOptions,
): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 10_000;
  const file = options.fileName;
  const delimiter = options.delimiter ?? sniffDelimiter(firstLineOf(await peekStart(input)));
  const parser = input.pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  const report: ImportReport = {
    file,
    preset: null,
    mapping: [],
    rows: 0,
    imported: 0,
    skipped: [],
    errorCount: 0,
    errors: [],
    duplicateCount: 0,
    duplicates: [],
    dryRun: options.dryRun,
    committed: false,
  };
  const addError = (error: ImportError) => {
    report.errorCount += 1;
    if (report.errors.length < maxListed) report.errors.push(error);
  };
  const addDuplicate = (duplicate: ImportDuplicate) => {
    report.duplicateCount += 1;
    if (report.duplicates.length < maxListed) report.duplicates.push(duplicate);
  };

  let headers: string[] | null = null;
  let mapRow: ReturnType<typeof rowMapper> | null = null;
  let known = new Set<string>();
  // In-file duplicates: the first row holding each contact (a million rows hold about 1.5 million).
  const firstRowOf = new Map<string, number>();
  const nextId = orderedIds();
  // The batch as COPY text, built row by row: no row object outlives its own iteration.
  let batch: string[] = [];
  const importedAt = new Date();

  // A first import into an empty list (the bulk case) has nothing to compare against.
  const heldBefore = (await countPeople(db, scope, {}, 1)) > 0;
  await createStage(db);

  // One batch is written while the next is parsed: the parse and the database overlap.
  let writing: Promise<void> = Promise.resolve();
  let staged = 0;
  const phase = options.onPhase ?? (() => undefined);
  let waited = 0;
  const started = performance.now();
  const flush = async () => {
    const before = performance.now();
    await writing;
    waited += performance.now() - before;
    // Joined once: appending line by line builds a rope of ten thousand pieces for the GC to walk.
    const text = batch.join('');
    staged += batch.length;
    batch = [];
    writing = stageText(db, text);
    // Handled here so a failed write is not an unhandled rejection before the next flush awaits it.
    writing.catch(() => undefined);
    options.onProgress?.({ rows: report.rows, bytes: parser.info.bytes });
    // A file already in memory is parsed, and PGlite runs its queries, without ever leaving the
    // microtask queue: once per batch the event loop gets a turn, so the server that runs the import
    // still answers (timers, sockets), and a status read sees the progress.
    await new Promise<void>((resolve) => setImmediate(resolve));
  };

  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    if (headers === null) {
      headers = dedupeHeaders(record);
      const setup = await prepareMapping(db, scope, file, headers, options);
      report.preset = setup.preset;
      report.mapping = headers.map((header, i) => ({ header, target: setup.targets[i] ?? 'skip' }));
      mapRow = rowMapper(headers, setup.targets, presets[setup.preset ?? 'concord'].tagSeparator);
      known = new Set((await listCustomFields(db, scope)).map((f) => f.name));
      continue;
    }
    report.rows += 1;
    // Row numbers count the header as row 1, as a spreadsheet shows them.
    const row = report.rows + 1;
    if (record.length !== headers.length) {
      addError({
        file,
        row,
        field: '(row)',
        reason: `${record.length} fields where the header has ${headers.length} (line ${info.lines})`,
      });
      continue;
    }
    const mapped = (mapRow as ReturnType<typeof rowMapper>)(record);
    if (mapped.skipReason) {
      if (report.skipped.length < maxListed) report.skipped.push({ row, reason: mapped.skipReason });
      continue;
    }
    const { row: person, problems } = toPersonRow(mapped.input, known);
    for (const problem of [...mapped.problems, ...problems])
      addError({ file, row, field: fieldName(problem.field, report.mapping), reason: problem.reason });
    if (problems.length > 0 || mapped.problems.length > 0) continue;
    let reported = false;
    for (const contacts of [person.emails ?? [], person.phones ?? []])
      for (const contact of contacts) {
        const earlier = firstRowOf.get(contact);
        if (earlier === undefined) firstRowOf.set(contact, row);
        else if (!reported) {
          reported = true;
          addDuplicate({
            row,
            field: contact.startsWith('+') ? 'phone' : 'email',
            kind: 'in_file',
            matchesRow: earlier,
          });
        }
      }
    // Once any row has failed the import will roll back: keep checking, stop writing.
    if (report.errorCount > 0) continue;
    batch.push(
      stageLine({
        ...person,
        id: nextId(),
        row,
        consentEmail: mapped.consent.email,
        consentPhone: mapped.consent.phone,
      }),
    );
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await writing;
  phase('read', performance.now() - started);
  phase('waitingForStage', waited);
  if (headers === null) addError({ file, row: 1, field: '(header)', reason: 'the file is empty' });
  if (heldBefore) {
    // A temporary table has no statistics until analyzed (autovacuum never sees it): without them
    // the planner guesses its size, and the duplicates join is planned for a small table.
    let t = performance.now();
    await analyzeStage(db);
    phase('analyze', performance.now() - t);
    t = performance.now();
    const existing = await findExistingDuplicates(db, scope, maxListed);
    phase('duplicates', performance.now() - t);
    report.duplicateCount += existing.count;
    for (const hit of existing.listed)
      if (report.duplicates.length < maxListed)
        report.duplicates.push({
          row: hit.row,
          field: hit.contact.startsWith('+') ? 'phone' : 'email',
          kind: 'existing',
          matchesRow: null,
        });
  }
  // What was (or, on a dry run, would be) saved; nothing when any row failed.
  if (report.errorCount === 0)
    report.imported = options.dryRun
      ? staged
      : await commitStage(db, scope, `import: ${file}`, importedAt, importedAt, phase);
  return report;
}

/** Person-field paths from normalization (emails.0) back to the file's own header names. */
function fieldName(field: string, mapping: readonly { header: string; target: ImportTarget }[]): string {
  const target = field.startsWith('emails') ? 'email' : field.startsWith('phones') ? 'phone' : field;
  const nth = Number(field.split('.')[1] ?? 0);
  return (
    mapping.filter((m) => m.target === target)[nth]?.header ??
    mapping.find((m) => m.target === target)?.header ??
    field
  );
}

async function prepareMapping(
  db: Db,
  scope: Scope,
  file: string,
  headers: readonly string[],
  options: ImportOptions,
): Promise<{ preset: PresetName | null; targets: ImportTarget[] }> {
  const preset =
    options.preset === undefined || options.preset === null ? detectPreset(headers) : options.preset;
  const targets = proposeMapping(headers, preset);
  for (const [header, target] of Object.entries(options.mapping ?? {})) {
    const i = headers.findIndex((h) => h.toLowerCase() === header.trim().toLowerCase());
    if (i < 0)
      throw invalid(
        'import.unknown_column',
        `${file}: the mapping names column "${header}", which the file does not have.`,
        { file, field: header },
      );
    targets[i] = target;
  }
  const custom: { name: string; label: string }[] = [];
  headers.forEach((header, i) => {
    const target = targets[i] ?? 'skip';
    if (protectedCategoryOf(header) !== null && target !== 'skip') {
      throw invalid(
        'people.protected_field',
        `${file}: column "${header}" looks like race, ethnicity or religion, which Concord never records. Map it to skip to import the rest.`,
        { file, row: 1, field: header },
      );
    }
    if (target.startsWith('custom:')) custom.push({ name: target.slice(7), label: header });
  });
  for (const field of custom) {
    if (protectedCategoryOf(field.name) !== null)
      throw invalid(
        'people.protected_field',
        `${file}: custom field "${field.name}" is refused (race, ethnicity, religion).`,
        {
          file,
          row: 1,
          field: field.label,
        },
      );
  }
  await insertCustomFields(db, scope, custom);
  return { preset, targets };
}
