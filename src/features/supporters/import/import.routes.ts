import { Readable } from 'node:stream';
import { registerEndpoint } from '../../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../../http/types.ts';
import { exportPeopleCsvText } from '../export.service.ts';
import { importContract as api } from './import.contract.ts';
import { importPeople } from './import.service.ts';
import { previewImport } from './preview.service.ts';

export const registerImportRoutes: RoutesPlugin = async (app) => {
  app.addContentTypeParser(['text/csv', 'text/plain'], (_request, payload, done) => done(null, payload));

  registerEndpoint(app, api.preview, ({ actor, query }, request) =>
    previewImport(app.db, actor, request.body as Readable, query.preset ?? null),
  );

  registerEndpoint(app, api.run, ({ actor, query }, request) => {
    const { fileName, preset, dryRun, mapping } = query;
    const options = { fileName, preset: preset ?? null, dryRun, ...(mapping ? { mapping } : {}) };
    return importPeople(app.db, actor, request.body as Readable, options);
  });

  registerEndpoint(app, api.stream, async ({ actor, query }, request, reply) => {
    const body = request.body as Readable;
    const { fileName, preset, dryRun, mapping } = query;
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
  });

  registerEndpoint(app, api.exportCsv, async ({ actor, query }, _request, reply) => {
    const text = await app.db
      .transaction()
      .execute((trx) => exportPeopleCsvText(trx, actor, { segmentId: query.segment }));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="people.csv"')
      .send(text);
  });
};
