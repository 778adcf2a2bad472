import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { Role } from '../../core/actor.ts';
import { forbidden, invalid } from '../../core/errors.ts';
import { registerEndpoint } from '../../http/register-endpoint.ts';
import type { RoutesPlugin } from '../../http/types.ts';
import { rctabContract } from './rctab.contract.ts';
import { rctabUploadLimits } from './rctab.schema.ts';
import { RctabWorkspace } from './rctab.upload.ts';

/** Counting official ballots reads and writes no coalition data; viewers still may not run it. */
const countingRoles: readonly Role[] = ['admin', 'secretariat', 'delegate', 'organizer'];

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

  registerEndpoint(app, rctabContract.count, async ({ actor }, request) => {
    if (!countingRoles.includes(actor.role)) {
      throw forbidden('rctab.forbidden', `Your role (${actor.role}) may not count cast vote records.`, {
        role: actor.role,
        allowed: [...countingRoles],
      });
    }
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
  });
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
