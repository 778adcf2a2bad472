import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { JobQueue } from '../jobs/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    config: Config;
    /** Durable background jobs (src/jobs): pg-boss on PostgreSQL, the embedded runner on PGlite. */
    jobs: JobQueue;
  }
}

/** The Fastify instance every feature's routes receive: zod schemas type params, body and reply. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A feature's routes: `export const registerXRoutes: RoutesPlugin = async (app) => { ... }`. */
export type RoutesPlugin = (app: App) => Promise<void>;
