import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../core/errors.ts';

export const webDistDir = join(import.meta.dirname, '..', '..', 'web', 'dist');

/**
 * Serves the built React app (web/dist) and answers other GETs outside the API with index.html,
 * so client-side routes survive a reload. Without a build, only the API is served.
 */
export async function installWebApp(app: FastifyInstance, distDir = webDistDir): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) {
    app.log.warn(`no web app build in ${distDir}: run npm run build:web`);
    return false;
  }
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: 'index.html' });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    // A missing API route or built file (an old asset after a redeploy) is a real 404, never index.html.
    if (isApiPath(request.url) || looksLikeFile(request.url)) {
      throw notFound('route.not_found', `No route GET ${request.url.split('?')[0]}.`);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}

function looksLikeFile(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  return path.startsWith('/assets/') || /\.[a-z0-9]{1,8}$/i.test(path);
}

export function isApiPath(url: string): boolean {
  return /^\/(api|docs|healthz|readyz)(\/|\?|$)/.test(url);
}
