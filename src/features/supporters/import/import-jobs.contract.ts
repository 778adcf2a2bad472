/**
 * Web imports as jobs, one contract per endpoint (docs/architecture.md). Kept apart from the other
 * supporters endpoints, which are not contracts yet.
 */
import { z } from 'zod';
import { endpointsOf } from '../../../contract/endpoint.ts';
import { type CodeOf, defineErrors } from '../../../contract/errors.ts';
import { importReportSchema, importTargetSchema, presetNameSchema } from './import.schema.ts';

export const importJobErrors = defineErrors({
  'people.aggregates_only': 'forbidden',
  'people.not_a_member_organizer': 'forbidden',
  'people.import_not_found': 'not_found',
});
export type ImportJobErrorCode = CodeOf<typeof importJobErrors>;

/** The largest CSV the web app may send as one import (stored in the database until it ends). */
export const maxImportCsvChars = 20 * 1024 * 1024;

export const startImportSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  csv: z.string().min(1).max(maxImportCsvChars),
  preset: presetNameSchema.nullable().default(null),
  /** The mapping step: header → target. */
  mapping: z.record(z.string().max(200), importTargetSchema).optional(),
});

export const importStatusSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  fileBytes: z.number().int(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ rows: z.number().int(), bytes: z.number() }),
  report: importReportSchema.nullable(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    })
    .nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

const endpoint = endpointsOf('supporters', importJobErrors);
const ownerCodes = ['people.aggregates_only', 'people.not_a_member_organizer'] as const;

export const importJobsContract = {
  start: endpoint({
    method: 'POST',
    path: '/api/people/import-jobs',
    auth: 'session',
    summary:
      'Import a CSV as a job (delegates, organizers): 202 with the import; poll it for progress and the report',
    description:
      'The file (at most 20 MiB of text) is stored with the import and its job in one transaction; any app server runs the job. The import is all-or-nothing: it ends `done` with its report, or `failed` with every row error (nothing imported).',
    body: startImportSchema,
    response: importStatusSchema,
    status: 202,
    errors: [...ownerCodes],
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/people/import-jobs/:importId',
    auth: 'session',
    summary: 'An import: queued, running (rows read), done or failed, with its report',
    params: z.object({ importId: z.uuid() }),
    response: importStatusSchema,
    errors: [...ownerCodes, 'people.import_not_found'],
  }),
};
