/**
 * Registers a Fastify route from an endpoint contract (src/contract/endpoint.ts): the method, the
 * path, the zod schemas of the request and of every response, and the OpenAPI entry all come from
 * the contract, so a route cannot drift from what the web client and /docs say about it.
 */
import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type AnyEndpoint,
  declaredErrorCodes,
  type HandlerInput,
  pathParamNames,
} from '../contract/endpoint.ts';
import { type ErrorCatalog, kindsOf, requestErrors, sessionErrors } from '../contract/errors.ts';
import type { Actor } from '../core/actor.ts';
import { DomainError, type ErrorKind } from '../core/errors.ts';
import { requireActor } from './auth.ts';
import { statusByKind } from './error-handler.ts';
import { errorResponseSchema } from './error-schema.ts';
import { privateCacheControl, ReadCache } from './read-cache.ts';
import type { App } from './types.ts';
import { sendCached } from './versioned-cache.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Tests turn this on: a DomainError whose code the route's contract does not declare becomes a 500. */
    strictContracts: boolean;
  }
}

type Reply<E extends AnyEndpoint> = E['status'] extends 204 ? null : z.input<E['response']>;

export type EndpointHandler<E extends AnyEndpoint> = (
  input: HandlerInput<E> & { actor: E['auth'] extends 'session' ? Actor : null },
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<Reply<E> | FastifyReply>;

export interface EndpointOptions {
  /** Fastify route config: `skipCsrf`, `rateLimit`. */
  config?: FastifyContextConfig & { rateLimit?: { max: number; timeWindow: string } };
  /** A body larger than the default (an upload): needs `config.uploadRoles` (src/http/edge.ts). */
  bodyLimit?: number;
  /**
   * A signed-in GET whose answer depends only on the reader and the coalition's stored data: kept
   * serialized for a second per reader and URL while the change feed is live (src/http/read-cache.ts).
   */
  cache?: boolean;
}

/** One read cache per app (tests build many apps in one process). */
const readCaches = new WeakMap<App, ReadCache>();
function readCacheOf(app: App): ReadCache {
  let cache = readCaches.get(app);
  if (!cache) {
    cache = new ReadCache(app.changes);
    readCaches.set(app, cache);
  }
  return cache;
}

/** The error statuses an endpoint documents: one per distinct kind among its codes. */
function errorResponses(endpoint: AnyEndpoint): Record<number, typeof errorResponseSchema> {
  const kinds = new Set<ErrorKind>(
    [
      ...Object.values(endpoint.errors),
      ...Object.values(requestErrors),
      ...(endpoint.auth === 'session' ? Object.values(sessionErrors) : []),
    ].flatMap(kindsOf),
  );
  return Object.fromEntries([...kinds].map((kind) => [statusByKind[kind], errorResponseSchema]));
}

function checkParams(endpoint: AnyEndpoint): void {
  const inPath = pathParamNames(endpoint.path).sort();
  const shape = endpoint.params instanceof z.ZodObject ? Object.keys(endpoint.params.shape).sort() : [];
  if (inPath.join() !== shape.join()) {
    throw new Error(
      `${endpoint.method} ${endpoint.path}: params schema has [${shape}] but the path has [${inPath}].`,
    );
  }
}

export function registerEndpoint<E extends AnyEndpoint>(
  app: App,
  endpoint: E,
  handler: EndpointHandler<E>,
  options: EndpointOptions = {},
): void {
  checkParams(endpoint);
  const declared = new Set(declaredErrorCodes(endpoint));
  const catalog: ErrorCatalog = { ...endpoint.errors, ...requestErrors, ...sessionErrors };
  const allowed = (error: DomainError) =>
    declared.has(error.code) && kindsOf(catalog[error.code]).includes(error.kind);
  const cache =
    options.cache && endpoint.method === 'GET' && endpoint.auth === 'session' ? readCacheOf(app) : null;

  app.route({
    method: endpoint.method,
    url: endpoint.path,
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    schema: {
      tags: [...endpoint.tags],
      summary: endpoint.summary,
      ...(endpoint.description ? { description: endpoint.description } : {}),
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response: {
        [endpoint.status]: endpoint.status === 204 ? z.null() : endpoint.response,
        ...(endpoint.notModified ? { 304: z.null() } : {}),
        ...errorResponses(endpoint),
      },
    },
    // A public endpoint takes writes without a session (src/http/auth.ts refuses anonymous writes elsewhere).
    config: { ...(endpoint.auth === 'public' ? { anonymous: true } : {}), ...options.config },
    handler: async (request, reply) => {
      try {
        const actor = endpoint.auth === 'session' ? requireActor(request) : null;
        const input = {
          params: request.params,
          query: request.query,
          body: request.body,
          actor,
        } as Parameters<EndpointHandler<E>>[0];
        reply.status(endpoint.status);
        if (cache && actor) {
          const key = ReadCache.key(actor, request.url);
          const now = Date.now();
          const hit = cache.get(key, now);
          if (hit) return sendCached(request, reply, hit, privateCacheControl);
          // Concurrent misses for one key share one read (a cached handler returns its value, never sends).
          const body = await cache.shared(key, async () => {
            const stamp = cache.begin(actor.coalitionId);
            const result = await handler(input, request, reply);
            // Serialized as the route's serializer would (fastify-type-provider-zod: encode, then JSON).
            const json = JSON.stringify(z.encode(endpoint.response, result));
            return cache.set(key, actor.coalitionId, stamp, json, now);
          });
          return sendCached(request, reply, body, privateCacheControl);
        }
        const result = await handler(input, request, reply);
        if (endpoint.status === 204 && result === null) return reply.send(null);
        return result;
      } catch (error) {
        if (app.strictContracts && error instanceof DomainError && !allowed(error)) {
          const problem = declared.has(error.code) ? `with kind ${error.kind}` : 'that its contract omits';
          const violation = new Error(
            `Contract violation: ${endpoint.method} ${endpoint.path} answered ${error.code} ${problem}.`,
            { cause: error },
          );
          console.error(violation.message);
          throw violation;
        }
        throw error;
      }
    },
  });
}
