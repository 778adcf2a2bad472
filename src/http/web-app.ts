import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webDistDir = join(import.meta.dirname, '..', '..', 'web', 'dist');

/**
 * Serves the built React app (web/dist) and answers unknown non-API GETs with index.html, so that
 * client-side routes survive a reload. Without a build, only the API is served.
 */
export async function installWebApp(app: FastifyInstance, distDir = webDistDir): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: distDir, wildcard: false, index: 'index.html' });
  return true;
}

export function isApiPath(url: string): boolean {
  return /^\/(api|docs|healthz|readyz)(\/|\?|$)/.test(url);
}
