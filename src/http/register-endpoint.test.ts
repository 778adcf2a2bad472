import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { endpointsOf } from '../contract/endpoint.ts';
import { defineErrors } from '../contract/errors.ts';
import { conflict, notFound } from '../core/errors.ts';
import { installErrorHandling } from './error-handler.ts';
import { registerEndpoint } from './register-endpoint.ts';
import type { App } from './types.ts';

const widgetErrors = defineErrors({ 'widget.not_found': 'not_found', 'widget.busy': 'conflict' });
const endpoint = endpointsOf('widgets', widgetErrors);
const getWidget = endpoint({
  method: 'GET',
  path: '/api/widgets/:id',
  auth: 'public',
  summary: 'One widget',
  params: z.object({ id: z.string().regex(/^w\d+$/) }),
  response: z.object({ id: z.string(), size: z.number() }),
  errors: ['widget.not_found'],
});

async function appWith(strictContracts: boolean, register: (app: App) => void): Promise<App> {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.decorate('strictContracts', strictContracts);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  register(app);
  await app.ready();
  return app;
}

describe('registerEndpoint', () => {
  it('serves the contract: parsed params, the response schema as whitelist, declared errors', async () => {
    const app = await appWith(true, (app) =>
      registerEndpoint(app, getWidget, async ({ params }) => {
        if (params.id === 'w0') throw notFound('widget.not_found', 'No such widget.');
        return { id: params.id, size: 3, secret: 'dropped' } as { id: string; size: number };
      }),
    );
    expect((await app.inject('/api/widgets/w1')).json()).toEqual({ id: 'w1', size: 3 });
    const missing = await app.inject('/api/widgets/w0');
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, 'widget.not_found']);
    const bad = await app.inject('/api/widgets/nope');
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'request.invalid']);
    expect(bad.json().error.details.issues[0].path).toBe('params.id');
  });

  it('turns a code the contract omits into a 500 in strict mode (tests), and passes it through otherwise', async () => {
    const handler = async () => {
      throw conflict('widget.busy', 'Busy.');
    };
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const strict = await appWith(true, (app) => registerEndpoint(app, getWidget, handler));
    const answer = await strict.inject('/api/widgets/w1');
    expect([answer.statusCode, answer.json().error.code]).toEqual([500, 'internal']);
    expect(errors).toHaveBeenCalledWith(
      'Contract violation: GET /api/widgets/:id answered widget.busy that its contract omits.',
    );
    errors.mockRestore();
    const lenient = await appWith(false, (app) => registerEndpoint(app, getWidget, handler));
    expect((await lenient.inject('/api/widgets/w1')).statusCode).toBe(409);
  });

  it('refuses at boot a params schema that does not name the path parameters', async () => {
    const wrong = { ...getWidget, params: z.object({ widgetId: z.string() }) };
    await expect(
      appWith(true, (app) => registerEndpoint(app, wrong, async () => ({ id: 'x', size: 1 }))),
    ).rejects.toThrow('GET /api/widgets/:id: params schema has [widgetId] but the path has [id].');
  });

  it('documents one error status per kind among the declared codes', async () => {
    const statuses: string[][] = [];
    await appWith(true, (app) => {
      app.addHook('onRoute', (route) => {
        if (route.method === 'GET') statuses.push(Object.keys(route.schema?.response ?? {}));
      });
      registerEndpoint(app, getWidget, async () => ({ id: 'w1', size: 1 }));
    });
    expect(statuses).toEqual([['200', '400', '404']]);
  });
});
