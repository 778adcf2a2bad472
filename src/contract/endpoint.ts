/**
 * One contract per endpoint: method, path, zod schemas and the error codes it can return, declared
 * once in the feature's `<name>.contract.ts`. The server registers the Fastify route from it
 * (src/http/register-endpoint.ts), the web app calls it through `call()` (web/src/api/client.ts), and
 * the OpenAPI document is generated from the same schemas. This module imports zod only, so the web
 * bundle can carry it.
 */
import type { z } from 'zod';
import type { ErrorCode, ErrorKind } from '../core/errors.ts';
import {
  type CodeOf,
  type ErrorCatalog,
  requestErrors,
  sessionErrors,
  type TransportErrorCode,
} from './errors.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type AuthMode = 'session' | 'public';

/** `'/api/pacts/:id/runs/:runId'` → `'id' | 'runId'`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export interface Endpoint<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Response extends z.ZodType = z.ZodType,
  Code extends ErrorCode = ErrorCode,
  Auth extends AuthMode = AuthMode,
> {
  method: M;
  path: P;
  /** `session`: a signed-in user is required (401 `auth.required`, 403 `auth.csrf_invalid` on writes). */
  auth: Auth;
  summary: string;
  description?: string;
  tags: readonly string[];
  params: Params;
  query: Query;
  body: Body;
  response: Response;
  /** The success status; 204 answers no body, 202 a job accepted (its state in the body). */
  status: 200 | 201 | 202 | 204;
  /** The feature's codes this endpoint can answer, with their kinds (the HTTP status). */
  errors: Readonly<Record<Code, ErrorKind | readonly ErrorKind[]>>;
  /** Answers 304 with no body when If-None-Match names its ETag (the handler sends it). */
  notModified?: true;
}

/** The widest endpoint, for constraints: each contract infers its own narrower type. */
export type AnyEndpoint = Endpoint;

type Schema = z.ZodType | undefined;

interface EndpointSpec<
  C extends ErrorCatalog,
  M extends HttpMethod,
  P extends string,
  Params extends Schema,
  Query extends Schema,
  Body extends Schema,
  Response extends z.ZodType,
  Code extends CodeOf<C>,
  Auth extends AuthMode,
> {
  method: M;
  path: P;
  auth: Auth;
  summary: string;
  description?: string;
  /** Path parameters: required exactly when the path has `:name` segments, with the same names. */
  params?: Params & z.ZodType<Record<PathParamNames<P>, unknown>>;
  query?: Query;
  body?: Body;
  response: Response;
  status?: 200 | 201 | 202 | 204;
  /** The OpenAPI tag, when not the feature's (the public site's endpoints are tagged `public`). */
  tag?: string;
  /** The codes of the feature's catalog this endpoint can answer. */
  errors?: readonly Code[];
  /** Cached by ETag: documents the 304 the handler answers to a matching If-None-Match. */
  notModified?: true;
}

/**
 * The contract factory of one feature: `const endpoint = endpointsOf('audit', auditErrors)`, then
 * `endpoint({...})` per endpoint. Error codes outside the feature's catalog do not typecheck.
 */
export function endpointsOf<C extends ErrorCatalog>(tag: string, catalog: C) {
  return function endpoint<
    const M extends HttpMethod,
    const P extends string,
    Response extends z.ZodType,
    const Auth extends AuthMode,
    Params extends Schema = undefined,
    Query extends Schema = undefined,
    Body extends Schema = undefined,
    const Code extends CodeOf<C> = never,
  >(
    spec: EndpointSpec<C, M, P, Params, Query, Body, Response, Code, Auth>,
  ): Endpoint<M, P, Params, Query, Body, Response, Code, Auth> {
    const errors = Object.fromEntries((spec.errors ?? []).map((code) => [code, catalog[code]])) as Record<
      Code,
      C[Code]
    >;
    return {
      method: spec.method,
      path: spec.path,
      auth: spec.auth,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [spec.tag ?? tag],
      params: spec.params as Params,
      query: spec.query as Query,
      body: spec.body as Body,
      response: spec.response,
      status: spec.status ?? 200,
      errors,
      ...(spec.notModified ? { notModified: true as const } : {}),
    };
  };
}

/** Every code an endpoint can answer: its own, request validation, and the session's when it needs one. */
export type EndpointErrorCode<E extends AnyEndpoint> =
  | keyof E['errors']
  | keyof typeof requestErrors
  | (E['auth'] extends 'session' ? keyof typeof sessionErrors : never);

/** What a client may see as `ApiError.code` for this endpoint: a closed union. */
export type ClientErrorCode<E extends AnyEndpoint> = (EndpointErrorCode<E> & string) | TransportErrorCode;

/** The codes of an endpoint at run time, in the order the contract gives them. */
export function declaredErrorCodes(endpoint: AnyEndpoint): string[] {
  return [
    ...Object.keys(endpoint.errors),
    ...Object.keys(requestErrors),
    ...(endpoint.auth === 'session' ? Object.keys(sessionErrors) : []),
  ];
}

type Input<S> = S extends z.ZodType ? z.input<S> : never;
type Output<S> = S extends z.ZodType ? z.output<S> : never;

/** The JSON the server answers: the response schema's output (what the serializer emits). */
export type ResponseOf<E extends AnyEndpoint> = E['status'] extends 204 ? undefined : Output<E['response']>;

/** What a caller passes: each part present only when the contract has a schema for it. */
export type RequestOf<E extends AnyEndpoint> = (E['params'] extends z.ZodType
  ? { params: Input<E['params']> }
  : { params?: never }) &
  (E['query'] extends z.ZodType ? { query?: Input<E['query']> } : { query?: never }) &
  (E['body'] extends z.ZodType ? { body: Input<E['body']> } : { body?: never });

/** What a handler receives: the parsed (output) side of each schema. */
export interface HandlerInput<E extends AnyEndpoint> {
  params: Output<E['params']>;
  query: Output<E['query']>;
  body: Output<E['body']>;
}

/** `'/api/pacts/:id'` with `{ id: 'x' }` → `'/api/pacts/x'` (each value URI-encoded). */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null)
      throw new Error(`Missing path parameter "${name}" for ${path}.`);
    return encodeURIComponent(String(value));
  });
}

/** The names of the `:name` segments of a path, at run time. */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');
}
