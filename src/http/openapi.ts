import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The OpenAPI document at /docs/json, generated from the routes' zod schemas, and its UI at /docs. */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Concord API',
        description:
          'The machinery of a coalition. Sign in with POST /api/session; the session cookie authenticates ' +
          'later calls, and every write made with it must carry the x-csrf-token header.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'concord_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // staticCSP: the UI's own policy (hashes of its inline scripts) instead of the app's, on /docs only.
  // Its bundle injects <style> elements at run time, which no hash can name: inline styles are
  // allowed on these pages (they show no user content), scripts stay hash-only, framing stays off.
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    transformStaticCSP: (header) =>
      `${header.replace(/style-src[^;]*/, "style-src 'self' 'unsafe-inline'")}; frame-ancestors 'none'`,
  });
}
