import multipart from '@fastify/multipart';
import { z } from 'zod';
import { requireRole } from '../../core/actor.ts';
import { invalid } from '../../core/errors.ts';
import { requireActor } from '../../http/auth.ts';
import { commonErrorResponses, errorResponseSchema } from '../../http/error-schema.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { rctabCountResultSchema, rctabUploadLimits } from './rctab.schema.ts';
import { RctabWorkspace } from './rctab.upload.ts';

const tiebreakAnswersSchema = z.array(z.string().max(500)).max(1000);

export const registerRctabRoutes: RoutesPlugin = async (app) => {
  await app.register(multipart, {
    // Keep "folder/file" names: a folder source (Dominion, Hart) is found by its folder's name.
    preservePath: true,
    limits: {
      fileSize: rctabUploadLimits.totalBytes,
      files: rctabUploadLimits.files + 1,
      fields: 10,
      fieldSize: 100_000,
      parts: rctabUploadLimits.files + 20,
    },
  });

  app.post(
    '/api/rctab/count',
    {
      schema: {
        tags: ['tabulation'],
        summary: 'Run an RCTab config on uploaded cast vote records, as `concord rctab` does',
        description:
          'multipart/form-data: a `config` file (an RCTab contest config), then the cast vote record files as ' +
          '`files` parts (a folder source such as Dominion sends each file with its path inside the folder as ' +
          'the file name), and optionally `tiebreakAnswers` (a JSON array of names for ties the config asks the ' +
          `operator to break). At most ${rctabUploadLimits.files} files and ${rctabUploadLimits.totalBytes / 1024 / 1024} MB in all. ` +
          "Answers RCTab's detailed reports (JSON and CSV) and the rounds of each pass.",
        response: { 200: rctabCountResultSchema, ...commonErrorResponses, 413: errorResponseSchema },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request) => {
      const actor = requireActor(request);
      requireRole(actor, ['admin', 'secretariat', 'delegate', 'organizer'], 'count cast vote records');
      if (!request.isMultipart())
        throw invalid('rctab.upload_invalid', 'Send multipart/form-data with a config and the CVR files.');
      const workspace = await RctabWorkspace.open();
      try {
        let answers: string[] = [];
        let bytes = 0;
        let haveConfig = false;
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'tiebreakAnswers') {
              const parsed = tiebreakAnswersSchema.safeParse(safeJson(String(part.value)));
              if (!parsed.success)
                throw invalid('rctab.upload_invalid', 'tiebreakAnswers must be a JSON array of names.');
              answers = parsed.data;
            }
            continue;
          }
          if (part.fieldname === 'config') {
            bytes += await workspace.addConfig(part.file);
            haveConfig = true;
          } else if (part.fieldname === 'files') {
            bytes += await workspace.addFile({ name: part.filename, stream: part.file });
          } else {
            part.file.resume();
          }
          if (part.file.truncated || bytes > rctabUploadLimits.totalBytes) {
            throw invalid(
              'rctab.upload_too_large',
              `The upload is over ${rctabUploadLimits.totalBytes / 1024 / 1024} MB.`,
            );
          }
        }
        if (!haveConfig) throw invalid('rctab.upload_invalid', 'The upload has no `config` part.');
        return await workspace.count(answers);
      } finally {
        await workspace.close();
      }
    },
  );
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
