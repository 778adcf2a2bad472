import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type ErrorKind } from '../core/errors.ts';

/** The one table from error kind to HTTP status. */
export const statusByKind: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
};

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

function send(reply: FastifyReply, status: number, error: ErrorBody['error']) {
  return reply
    .status(status)
    .type('application/json')
    .send({ error } satisfies ErrorBody);
}

/**
 * Every failure leaves the server as `{"error":{"code","message","details"}}`. Domain errors keep
 * their code; request validation names the failing field paths; anything unexpected is logged and
 * answered with a generic 500 that reveals nothing of the internals.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError | Error, request: FastifyRequest, reply) => {
    if (error instanceof DomainError) {
      return send(reply, statusByKind[error.kind], {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = error.validationContext ?? 'request';
      const issues = error.validation.map((issue) => {
        const path = [part, ...issue.instancePath.split('/').filter(Boolean)].join('.');
        return { path, message: issue.message };
      });
      const first = issues[0];
      return send(reply, 400, {
        code: 'request.invalid',
        message: first ? `${first.path}: ${first.message}` : 'The request is invalid.',
        details: { issues },
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
      return send(reply, 500, internalError(request));
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, unsupported media type, body too large…
      const code = 'code' in error && typeof error.code === 'string' ? error.code.toLowerCase() : 'invalid';
      return send(reply, status, { code: `request.${code}`, message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, internalError(request));
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, {
      code: 'route.not_found',
      message: `No route ${request.method} ${request.url.split('?')[0]}.`,
    }),
  );
}

function internalError(request: FastifyRequest): ErrorBody['error'] {
  return {
    code: 'internal',
    message: 'Something went wrong on our side. The request id helps us find it in the logs.',
    details: { requestId: request.id },
  };
}
