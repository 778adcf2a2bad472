import { Readable } from 'node:stream';
import { z } from 'zod';
import { requireActor } from '../../../http/auth.ts';
import { commonErrorResponses } from '../../../http/error-schema.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { exportPeopleCsvText } from '../export.service.ts';
import { importReportSchema, importTargetSchema, presetNameSchema } from './import.schema.ts';
import { importPeople } from './import.service.ts';
import { previewImport } from './preview.service.ts';

const tags = ['supporters'];
const importQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(200).default('upload.csv'),
  preset: presetNameSchema.optional(),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** JSON object: header → target (the mapping step). */
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      const parsed = z.record(z.string(), importTargetSchema).safeParse(JSON.parse(text));
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object of header → target' });
        return z.NEVER;
      }
      return parsed.data;
    }),
  /** Stream progress lines (NDJSON) before the report, for the web app's progress bar. */
  progress: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const registerImportRoutes: RoutesPlugin = async (app) => {
  app.addContentTypeParser(['text/csv', 'text/plain'], (_request, payload, done) => done(null, payload));

  app.post(
    '/api/people/imports/preview',
    {
      schema: {
        tags,
        summary:
          'The mapping step: headers, detected preset, proposed mapping and the first rows mapped (nothing saved)',
        querystring: z.object({ preset: presetNameSchema.optional() }),
        response: { 200: z.unknown(), ...commonErrorResponses },
      },
    },
    async (request) =>
      previewImport(app.db, requireActor(request), request.body as Readable, request.query.preset ?? null),
  );

  app.post(
    '/api/people/imports',
    {
      schema: {
        tags,
        summary: 'Import a CSV (body: text/csv) all-or-nothing; errors by file, row, field and reason',
        querystring: importQuerySchema,
        response: { 200: importReportSchema, ...commonErrorResponses },
      },
    },
    async (request) => {
      const { fileName, preset, dryRun, mapping } = request.query;
      const options = { fileName, preset: preset ?? null, dryRun, ...(mapping ? { mapping } : {}) };
      return importPeople(app.db, requireActor(request), request.body as Readable, options);
    },
  );

  app.post(
    '/api/people/imports/stream',
    {
      schema: {
        tags,
        summary:
          'The same import, answered as NDJSON: {"progress":{rows,bytes}} lines while it runs, then {"report":…} or {"error":…}',
        querystring: importQuerySchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body as Readable;
      const { fileName, preset, dryRun, mapping } = request.query;
      const options = { fileName, preset: preset ?? null, dryRun, ...(mapping ? { mapping } : {}) };
      // Progress lines, then the report: the upload's response is the import's progress bar.
      const lines = new Readable({ read() {} });
      reply.type('application/x-ndjson').send(lines);
      importPeople(app.db, actor, body, {
        ...options,
        onProgress: (p) => lines.push(`${JSON.stringify({ progress: p })}\n`),
      })
        .then((report) => lines.push(`${JSON.stringify({ report })}\n`))
        .catch((error: unknown) => {
          const e = error as { code?: string; message?: string; details?: unknown };
          lines.push(
            `${JSON.stringify({ error: { code: e.code ?? 'internal', message: e.code ? e.message : 'The import failed.', details: e.details } })}\n`,
          );
        })
        .finally(() => lines.push(null));
      return reply;
    },
  );

  app.get(
    '/api/people/export.csv',
    {
      schema: {
        tags,
        summary:
          'Your people (or one segment) as CSV; channels without standing consent are left empty; audited',
        querystring: z.object({ segment: z.uuid().optional() }),
        response: { 200: z.string(), ...commonErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const text = await app.db
        .transaction()
        .execute((trx) => exportPeopleCsvText(trx, actor, { segmentId: request.query.segment }));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="people.csv"')
        .send(text);
    },
  );
};
