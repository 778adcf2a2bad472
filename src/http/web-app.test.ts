import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandling } from './error-handler.ts';
import { installWebApp } from './web-app.ts';

describe('serving the built web app', () => {
  it('serves files, answers client-side routes with index.html, and 404s missing assets and API routes', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'concord-web-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Concord</title>');
    writeFileSync(join(dist, 'app.js'), 'console.log(1)');
    const app = Fastify();
    installErrorHandling(app);
    expect(await installWebApp(app, dist)).toBe(true);

    expect((await app.inject('/app.js')).body).toBe('console.log(1)');
    const route = await app.inject('/members/123');
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('<title>Concord</title>');
    expect((await app.inject('/assets/index-old.js')).statusCode).toBe(404);
    expect((await app.inject('/favicon.ico')).statusCode).toBe(404);
    const api = await app.inject('/api/nothing');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('route.not_found');
    await app.close();
  });
});
