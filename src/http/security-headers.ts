import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Security headers on every response (helmet): a Content Security Policy the built web app passes
 * (everything from this origin, no inline script, nobody may frame us), nosniff, no referrer
 * across origins. /docs (Swagger UI) sets its own, stricter-where-it-can policy (`staticCSP`).
 */
export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React sets style through the CSSOM, which CSP allows; no inline <style> or style="" markup is served.
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // TLS is the reverse proxy's business; on plain http (a laptop, a test) upgrading would break loads.
  'upgrade-insecure-requests': null,
} as const;

export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });
}
