/**
 * The streamed CSV import endpoints (the CLI-like path the web wizard uses for its preview and dry
 * run), one contract each. The CSV body streams in unread (text/csv), so these declare no body
 * schema: the importer parses it row by row (docs/supporters.md, "Import").
 */
import { z } from 'zod';
import { endpoint, ownerErrors } from '../supporters.errors.ts';
import { importReportSchema, importTargetSchema, presetNameSchema } from './import.schema.ts';
import { plainTargets } from './presets.ts';

const booleanText = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const importQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(200).default('upload.csv'),
  preset: presetNameSchema.optional(),
  dryRun: booleanText,
  /** JSON object: header → target (the mapping step). */
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const parsed = z.record(z.string(), importTargetSchema).safeParse(json);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object of header → target' });
        return z.NEVER;
      }
      return parsed.data;
    }),
});

/** What the mapping step shows: the file's headers, the proposed mapping and the first rows mapped. */
export const importPreviewSchema = z.object({
  delimiter: z.string(),
  headers: z.array(z.string()),
  preset: presetNameSchema.nullable(),
  presets: z.array(z.object({ name: z.string(), label: z.string() })),
  targets: z.array(z.enum(plainTargets)).readonly(),
  mapping: z.array(z.object({ header: z.string(), target: z.string() })),
  sample: z.array(
    z.object({
      // The row as the importer would store it; the wizard shows names, emails, phones and tags.
      input: z.looseObject({
        firstName: z.string(),
        lastName: z.string(),
        emails: z.array(z.string()),
        phones: z.array(z.string()),
        tags: z.array(z.string()),
      }),
      consent: z.object({ email: z.boolean().nullable(), phone: z.boolean().nullable() }),
      skipReason: z.string().nullable(),
      problems: z.array(z.object({ field: z.string(), reason: z.string() })),
    }),
  ),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

const importErrors = [...ownerErrors, 'import.unknown_column', 'people.protected_field'] as const;

export const importContract = {
  preview: endpoint({
    method: 'POST',
    path: '/api/people/imports/preview',
    auth: 'session',
    summary:
      'The mapping step: headers, detected preset, proposed mapping and the first rows mapped (body: text/csv; nothing saved)',
    query: z.object({ preset: presetNameSchema.optional() }),
    response: importPreviewSchema,
    errors: [...ownerErrors],
  }),
  run: endpoint({
    method: 'POST',
    path: '/api/people/imports',
    auth: 'session',
    summary: 'Import a CSV (body: text/csv) all-or-nothing; errors by file, row, field and reason',
    query: importQuerySchema,
    response: importReportSchema,
    errors: importErrors,
  }),
  stream: endpoint({
    method: 'POST',
    path: '/api/people/imports/stream',
    auth: 'session',
    summary:
      'The same import, answered as NDJSON: {"progress":{rows,bytes}} lines while it runs, then {"report":…} or {"error":…}',
    description:
      'The response is application/x-ndjson: one JSON object per line, never a single JSON document; a refusal found after the first line arrives as an {"error":{code,message,details}} line.',
    query: importQuerySchema,
    // The stream's lines, each one JSON object (described above).
    response: z.string(),
    errors: importErrors,
  }),
  exportCsv: endpoint({
    method: 'GET',
    path: '/api/people/export.csv',
    auth: 'session',
    summary: 'Your people (or one segment) as CSV; channels without standing consent are left empty; audited',
    query: z.object({ segment: z.uuid().optional() }),
    // A text/csv download (content-disposition: attachment), not JSON.
    response: z.string(),
    errors: [...ownerErrors, 'segment.not_found'],
  }),
};
