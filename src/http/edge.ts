import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../core/actor.ts';
import { DomainError } from '../core/errors.ts';
import { findTextIssue, jsonDepthExceeds, maxJsonDepth, type TextIssue } from '../core/text.ts';

/**
 * The request's edge, before any route code runs: body size, JSON depth, and text that the
 * database cannot store. Installed once for every route, so a route added later is covered
 * without doing anything.
 */

/** Every body is at most this large, unless its route declares a larger `bodyLimit` (an upload). */
export const defaultBodyLimit = 1024 * 1024;

/** One route as registered: tests walk this list, so a route added later is attacked without a test edit. */
export interface RouteEntry {
  method: string;
  url: string;
  anonymous: boolean;
  /** Body schema as declared (absent when the route takes none or streams it). */
  hasBodySchema: boolean;
  upload: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
  interface FastifyContextConfig {
    /**
     * The roles that may send this route a body larger than `defaultBodyLimit`. A route with a
     * larger `bodyLimit` (or a streamed body) must name them; the check runs before the body is read.
     */
    uploadRoles?: readonly Role[];
  }
}

export function installEdge(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate('routeTable', table);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      table.push({
        method,
        url: route.url,
        anonymous: route.config?.anonymous === true,
        hasBodySchema: route.schema?.body !== undefined,
        upload: route.config?.uploadRoles !== undefined,
      });
    }
    const large = route.bodyLimit !== undefined && route.bodyLimit > defaultBodyLimit;
    if (large && !route.config?.uploadRoles) {
      throw new Error(
        `${route.method} ${route.url}: a bodyLimit above ${defaultBodyLimit} bytes needs config.uploadRoles`,
      );
    }
  });

  // Fastify's own parser (with its prototype-poisoning guard), after a depth scan of the raw text:
  // JSON.parse copes with 5,000 levels, but what walks the result afterwards may not.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepthExceeds(text, maxJsonDepth)) {
      done(invalidRequest({ path: 'body', message: `nested deeper than ${maxJsonDepth} levels` }), undefined);
      return;
    }
    parseJson(request, text, done);
  });

  app.addHook('preValidation', async (request: FastifyRequest) => {
    const issue =
      findTextIssue(request.params, 'params') ??
      findTextIssue(request.query, 'querystring') ??
      findTextIssue(request.body, 'body');
    if (issue) throw invalidRequest(issue);
  });
}

/** The same code and shape as a zod validation failure (see error-handler.ts). */
function invalidRequest(issue: TextIssue): DomainError {
  return new DomainError('invalid', 'request.invalid', `${issue.path}: ${issue.message}`, {
    issues: [issue],
  });
}

/** A body the client declared large, or did not declare at all (chunked). */
export function announcesLargeBody(request: FastifyRequest): boolean {
  const length = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(length)) return length > 64 * 1024;
  return request.headers['transfer-encoding'] !== undefined;
}
